// W3C Web Annotation (JSON-LD) export: an AnnotationCollection of text annotations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model.h"

namespace scholion {

struct WebAnnoOptions {
  // Documents are named baseIri + their percent-encoded name when given (e.g. a folder on the
  // web site the texts are published on); otherwise "urn:sha256:<hex>" of their text, stable
  // wherever the text goes. The collection is baseIri + "collection" or a urn of the texts.
  std::string baseIri;
  bool includeOtherLayers = false;  // also export DocumentData::others
  uint32_t quoteContext = 32;       // code points of prefix/suffix in TextQuoteSelector
};

// The JSON-LD context every Web Annotation document names (Web Annotation Data Model 3.1).
extern const char kWebAnnoContext[];

// Shape (one AnnotationCollection with "@context", "id", "label", "total" and its first
// AnnotationPage, with "id", "partOf" (the collection's id, label and total, as the W3C test
// suite's page assertions expect an object there), "startIndex", holding every annotation):
//  - a span: {"type":"Annotation", "id":<document IRI>/<span id> or urn, "motivation":"tagging",
//    "body":[{"type":"TextualBody","purpose":"tagging","value":<label>}, attributes as
//    TextualBody purpose "describing" value "name=value", the note as purpose "commenting",
//    brat normalisations (N lines) as linking bodies {"type": "SpecificResource", "source":
//    "<db>:<id>", "purpose": "linking"} (an External Web Resource may not carry a purpose)],
//    "target":{"source":<document IRI>, "selector":[TextQuoteSelector exact/prefix/suffix,
//    TextPositionSelector start/end (code points)]}}; a discontinuous span has one target per
//    fragment; "creator" is the annotator when known.
//  - a relation: motivation "linking", body = label (purpose "tagging"), "target": [the from
//    span's annotation id, the to span's annotation id] (order = direction).
//  - document labels: motivation "classifying", target = the document IRI.
// Warnings list what Web Annotation cannot hold here (brat events, equivalences, attributes of
// events and relations, other annotators' layers when left out).
std::string writeWebAnnotation(const Workspace& ws,
                               const WebAnnoOptions& options = WebAnnoOptions(),
                               std::vector<std::string>* warnings = nullptr);

// True for an absolute IRI ("scheme:rest" with an RFC 3987 scheme and no spaces or controls).
bool isAbsoluteIri(const std::string& s);

}  // namespace scholion

// W3C Web Annotation (JSON-LD) export: an AnnotationCollection of text annotations.
#pragma once

#include <string>

#include "model.h"

namespace scholion {

struct WebAnnoOptions {
  // The JSON-LD "@context" value. Empty (the default) omits the key: the standard Web Annotation
  // context IRI is deliberately not hard-coded here (the project writes no host names into files);
  // callers that need strict JSON-LD pass it in.
  std::string context;
  bool includeOtherLayers = false;  // also export DocumentData::others
  uint32_t quoteContext = 32;       // code points of prefix/suffix in TextQuoteSelector
};

// Shape (one AnnotationCollection; its first AnnotationPage holds every annotation):
//  - a span: {"type":"Annotation", "id":"urn:scholion:<doc>:<span>", "motivation":"tagging",
//    "body":[{"type":"TextualBody","purpose":"tagging","value":<label>}, attributes as
//    TextualBody purpose "describing" value "name=value", the note as purpose "commenting"],
//    "target":{"source":<document name>, "selector":[TextQuoteSelector exact/prefix/suffix,
//    TextPositionSelector start/end (code points)]}}; a discontinuous span has one target per
//    fragment; "creator" is the annotator when known.
//  - a relation: motivation "linking", body = label (purpose "tagging"), "target": [the from
//    span's annotation id, the to span's annotation id] (order = direction).
//  - document labels: motivation "classifying", target = the document source.
std::string writeWebAnnotation(const Workspace& ws,
                               const WebAnnoOptions& options = WebAnnoOptions());

}  // namespace scholion

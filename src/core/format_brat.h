// brat standoff format: a .txt document with a .ann annotation file (T, R, E, A/M, N, #, * lines).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "format_util.h"
#include "model.h"
#include "result.h"
#include "schema.h"

namespace scholion {

// What Scholion shows from a .ann file, and what it keeps aside:
//  - T lines become Spans with the same id (discontinuous "0 5;16 23" spans keep their fragments);
//  - R lines between two T become Relations with the same id (first argument = from);
//  - A/M lines on a T become Span::attributes (binary -> "true"), "#<tab>AnnotatorNotes" on a T or
//    R becomes its note;
//  - everything else (E events, N normalisations, * equivalences, attributes on events or
//    relations, other notes, relations involving events) is kept verbatim, in file order, in
//    AnnotationLayer::extras["brat"] and written back after the visible annotations.
// The text column of T lines is checked against the document text (newlines/tabs count as spaces).
// Offsets are code points. Errors are "annName:line:col: what"; several are reported.
// attribute name -> the values written for it in A/M lines (binary lines have none).
using BratAttributeValues = std::map<std::string, std::set<std::string>>;

// Type, attribute and value names are read through decodeBratName. `valued` (optional) collects
// the values of attributes written with one, so that "A1 Certainty T1 true" stays multi-valued.
Result<DocumentData> parseBratAnn(const std::string& docId, const std::string& txtName,
                                  std::string text, const std::string& annName,
                                  const std::string& ann, BratAttributeValues* valued = nullptr);

// The .ann text of a document's working layer. Span/relation ids that are not brat ids (T<n> /
// R<n>) are renumbered and references rewritten; A and # ids are numbered after those in extras.
// Names go through encodeBratName. An attribute the schema gives values keeps its value even when
// it is "true". Warnings say what had to change (renumbered ids, dangling relations).
std::string writeBratAnn(const DocumentData& doc, std::vector<std::string>* warnings = nullptr,
                         const Schema* schema = nullptr);

// Several files: .txt/.ann pairs matched by file stem (a .txt without .ann is an unannotated
// document; an .ann without its .txt is an error), plus annotation.conf / visual.conf /
// kb_shortcuts.conf for the schema (otherwise the schema is made from the labels used). What brat
// only warns about (configuration problems, types the configuration does not define, other .conf
// files) goes to `warnings`; a configuration brat cannot read is a warning too, and the schema is
// then made from the labels used (brat falls back to a default configuration).
Result<Workspace> importBratFiles(const std::vector<NamedFile>& files,
                                  std::vector<std::string>* warnings = nullptr);

// <stem>.txt and <stem>.ann per document (stems from document names, made unique), and the
// three .conf files.
std::vector<NamedFile> writeBratFiles(const Workspace& ws, std::vector<std::string>* warnings);

}  // namespace scholion

// brat configuration files <-> Schema: annotation.conf (types), visual.conf (colours),
// kb_shortcuts.conf.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "result.h"
#include "schema.h"

namespace scholion {

// How the brat schema maps onto Schema (docs/formats.md lists each rule with the function of
// brat's server/src/projectconfig.py it mirrors):
//  - sections: [entities] (alias [spans]), [relations], [events], [attributes]; an unknown
//    section is ignored with a warning, a missing one is a warning; "----" lines are separators;
//    <NAME>=value macros are expanded within their section; indent gives the hierarchy.
//  - [entities]: the type hierarchy is flattened; every selectable type becomes a SpanLabel,
//    `!Type` (non-selectable grouping nodes) are dropped. An argument naming a parent type
//    allows the parent (if selectable) and all its descendants.
//  - [events]: each event type becomes a SpanLabel (its trigger) whose description is
//    "brat event" or "brat event: <argument list>" (e.g. "Theme+:Protein, Site?:Entity"); the
//    writer turns such labels back into [events] lines, so event argument rules round-trip.
//  - [relations]: the first argument gives fromLabels, the second toLabels (<ENTITY>/<ANY> =
//    any, <EVENT> = every event); a type declared on several lines gets one signature per line
//    (RelationType::moreSignatures); `<REL-TYPE>:symmetric...` (or the name Equiv) sets
//    symmetric; <OVERLAP> and !unused lines are not relation types.
//  - [attributes]: Arg types give AttributeDef::labels (<ENTITY> = all), Value:a|b the values;
//    attributes of relations only are left to the .ann lines (a warning).
//  - a type referenced but not defined is left out of the argument with a warning.
//  - visual.conf [drawing] bgColor (spans) / color (arcs), SPAN_DEFAULT and ARC_DEFAULT;
//    [labels] long names become descriptions of labels that have none.
//  - kb_shortcuts.conf "KEY<tab>Type" lines set hotkeys.
// visualConf and kbShortcutsConf may be empty. What brat refuses (it falls back to a default
// configuration) is an error "file:line: what"; what brat only warns about is appended to
// `warnings` and the schema is still returned.
Result<Schema> parseBratConf(const std::string& annotationConf, const std::string& fileName,
                             const std::string& visualConf = std::string(),
                             const std::string& kbShortcutsConf = std::string(),
                             std::vector<std::string>* warnings = nullptr);

// Names are written so that they read back unchanged: the characters brat's syntax uses
// (, | [ ] # : = < > %, space, control characters, a leading '!', a name of dashes only) become
// %XX (percent and two hex digits), and reading decodes exactly those escapes again.
std::string encodeBratName(std::string_view name);
std::string decodeBratName(std::string_view name);

std::string writeAnnotationConf(const Schema& schema);
std::string writeVisualConf(const Schema& schema);
std::string writeKbShortcutsConf(const Schema& schema);

// True when the label stands for a brat event type (see above).
bool isBratEventLabel(const SpanLabel& label);

}  // namespace scholion

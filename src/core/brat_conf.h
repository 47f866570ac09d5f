// brat configuration files <-> Schema: annotation.conf (types), visual.conf (colours),
// kb_shortcuts.conf.
#pragma once

#include <string>

#include "result.h"
#include "schema.h"

namespace scholion {

// How the brat schema maps onto Schema (which has no hierarchy and no events):
//  - [entities]: the type hierarchy is flattened; every selectable type becomes a SpanLabel,
//    `!Type` (non-selectable grouping nodes) are dropped. An argument naming a parent type
//    allows the parent (if selectable) and all its descendants.
//  - [events]: each event type becomes a SpanLabel (its trigger) whose description is
//    "brat event" or "brat event: <argument list>" (e.g. "Theme+:Protein, Site?:Entity"); the
//    writer turns such labels back into [events] lines, so event argument rules round-trip.
//  - [relations]: the first argument gives fromLabels, the second toLabels (<ENTITY>/<ANY> =
//    any); `<REL-TYPE>:symmetric...` sets symmetric; <OVERLAP> lines are ignored.
//  - [attributes]: Arg types give AttributeDef::labels (<ENTITY> = all), Value:a|b the values.
//  - <MACRO>=... definitions are expanded where used.
//  - visual.conf [drawing] bgColor (spans) / color (arcs), SPAN_DEFAULT and ARC_DEFAULT;
//    [labels] long names become descriptions of labels that have none.
//  - kb_shortcuts.conf "KEY<tab>Type" lines set hotkeys.
// visualConf and kbShortcutsConf may be empty. Errors are "file:line:col: what".
Result<Schema> parseBratConf(const std::string& annotationConf, const std::string& fileName,
                             const std::string& visualConf = std::string(),
                             const std::string& kbShortcutsConf = std::string());

std::string writeAnnotationConf(const Schema& schema);
std::string writeVisualConf(const Schema& schema);
std::string writeKbShortcutsConf(const Schema& schema);

// True when the label stands for a brat event type (see above).
bool isBratEventLabel(const SpanLabel& label);

}  // namespace scholion

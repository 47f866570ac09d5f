// The label schema: span labels, relation types, attributes, document labels, instructions.
#pragma once

#include <string>
#include <vector>

#include "result.h"

namespace scholion {

struct SpanLabel {
  std::string name;
  std::string color;   // "#rrggbb"
  std::string hotkey;  // one key, "1".."9" or a letter; empty = none
  std::string description;
  bool operator==(const SpanLabel& o) const {
    return name == o.name && color == o.color && hotkey == o.hotkey && description == o.description;
  }
};

// One allowed pair of argument labels of a relation type (empty list = any).
struct RelationSignature {
  std::vector<std::string> fromLabels, toLabels;
  bool operator==(const RelationSignature& o) const {
    return fromLabels == o.fromLabels && toLabels == o.toLabels;
  }
};

struct RelationType {
  std::string name;
  std::vector<std::string> fromLabels;  // allowed labels of the first argument; empty = any
  std::vector<std::string> toLabels;    // allowed labels of the second argument; empty = any
  bool symmetric = false;               // false = directed
  std::string color;
  // Further allowed argument pairs besides (fromLabels, toLabels): brat declares one relation
  // type on several lines, each adding a signature.
  std::vector<RelationSignature> moreSignatures;
  bool operator==(const RelationType& o) const {
    return name == o.name && fromLabels == o.fromLabels && toLabels == o.toLabels &&
           symmetric == o.symmetric && color == o.color && moreSignatures == o.moreSignatures;
  }
};

struct AttributeDef {
  std::string name;
  std::vector<std::string> values;  // empty = boolean attribute; else one-of these values
  std::vector<std::string> labels;  // span labels it applies to; empty = all
  bool operator==(const AttributeDef& o) const {
    return name == o.name && values == o.values && labels == o.labels;
  }
};

struct DocumentLabel {
  std::string name;
  std::string description;
  bool operator==(const DocumentLabel& o) const {
    return name == o.name && description == o.description;
  }
};

struct Schema {
  std::string name;
  std::vector<SpanLabel> spanLabels;
  std::vector<RelationType> relationTypes;
  std::vector<AttributeDef> attributes;
  std::vector<DocumentLabel> documentLabels;
  bool multipleDocumentLabels = true;
  std::string instructions;  // free text shown to annotators (Markdown-like)

  const SpanLabel* findLabel(const std::string& name) const;
  const RelationType* findRelation(const std::string& name) const;
  const AttributeDef* findAttribute(const std::string& name) const;
  // Relation types allowed between spans with these labels (either direction for symmetric types).
  std::vector<const RelationType*> relationsAllowed(const std::string& fromLabel,
                                                    const std::string& toLabel) const;
  bool operator==(const Schema& o) const {
    return name == o.name && spanLabels == o.spanLabels && relationTypes == o.relationTypes &&
           attributes == o.attributes && documentLabels == o.documentLabels &&
           multipleDocumentLabels == o.multipleDocumentLabels && instructions == o.instructions;
  }
};

// Every problem in the schema (duplicate names, unknown labels in relations/attributes,
// a hotkey used twice, a bad colour); empty = valid.
std::vector<std::string> schemaProblems(const Schema& schema);

// Schema <-> JSON text. Parsing reports every problem (joined by newlines) or returns a valid
// schema.
Result<Schema> parseSchemaJson(const std::string& text);
std::string schemaToJson(const Schema& schema);

}  // namespace scholion

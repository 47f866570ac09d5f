// Reading and writing suggestion model files (JSON) with checked values and named problems.
#include "suggest_model.h"

#include <cmath>
#include <cstdio>

#include "json_util.h"

namespace scholion {
namespace {
constexpr const char* kFormat = "scholion-suggest-model";
}

std::string writeSuggestModel(const SuggestModel& m) {
  nlohmann::json j;
  j["format"] = kFormat;
  j["version"] = 1;
  j["labels"] = m.tagger.labels();
  nlohmann::json features = nlohmann::json::object();
  const WeightTable& t = m.tagger.weights();
  for (const auto& [hash, row] : t.rows) {
    char key[17];
    std::snprintf(key, sizeof key, "%016llx", static_cast<unsigned long long>(hash));
    std::vector<float> w(t.weights.begin() + row * t.tags, t.weights.begin() + (row + 1) * t.tags);
    features[key] = w;
  }
  j["features"] = std::move(features);
  nlohmann::json strings = nlohmann::json::array();
  for (std::size_t i = 0; i < m.strings.size(); ++i)
    strings.push_back({{"text", m.strings[i].text},
                       {"label", m.strings[i].label},
                       {"share", i < m.shares.size() ? m.shares[i] : 1.0}});
  j["strings"] = std::move(strings);
  return dumpJson(j);
}

bool looksLikeSuggestModel(const std::string& bytes) {
  return bytes.find(std::string("\"") + kFormat + "\"") != std::string::npos;
}

Result<SuggestModel> parseSuggestModel(const std::string& bytes, const std::string& name) {
  auto parsed = parseJsonSafely(bytes, name);
  if (!parsed) return fail(parsed.error());
  const nlohmann::json& j = *parsed;
  auto bad = [&](const std::string& where, const std::string& what) {
    return fail(name + ": " + where + ": " + what);
  };
  if (!j.is_object() || !j.contains("format") || j["format"] != kFormat)
    return fail(name + ": not a Scholion suggestion model (\"format\": \"" + kFormat + "\")");
  if (!j.contains("version") || j["version"] != 1)
    return bad("/version", "unknown version (this program reads 1)");
  SuggestModel m;
  std::vector<std::string> labels;
  if (!j.contains("labels") || !j["labels"].is_array()) return bad("/labels", "missing array");
  for (std::size_t i = 0; i < j["labels"].size(); ++i) {
    const auto& l = j["labels"][i];
    if (!l.is_string() || l.get<std::string>().empty())
      return bad("/labels/" + std::to_string(i), "expected a label name");
    labels.push_back(l.get<std::string>());
  }
  WeightTable t;
  t.tags = 1 + 2 * labels.size();
  if (!j.contains("features") || !j["features"].is_object())
    return bad("/features", "missing object");
  for (const auto& [key, row] : j["features"].items()) {
    const std::string where = "/features/" + jsonPointerToken(key);
    unsigned long long hash = 0;
    int used = 0;
    if (key.size() != 16 || std::sscanf(key.c_str(), "%16llx%n", &hash, &used) != 1 || used != 16)
      return bad(where, "expected 16 hex digits");
    if (!row.is_array() || row.size() != t.tags)
      return bad(where, "expected " + std::to_string(t.tags) + " weights");
    t.rows.emplace(hash, static_cast<uint32_t>(t.rows.size()));
    for (const auto& w : row) {
      if (!w.is_number() || !std::isfinite(w.get<double>())) return bad(where, "not a number");
      t.weights.push_back(w.get<float>());
    }
  }
  if (j.contains("strings")) {
    if (!j["strings"].is_array()) return bad("/strings", "expected an array");
    for (std::size_t i = 0; i < j["strings"].size(); ++i) {
      const auto& s = j["strings"][i];
      const std::string where = "/strings/" + std::to_string(i);
      if (!s.is_object() || !s.contains("text") || !s["text"].is_string() || !s.contains("label") ||
          !s["label"].is_string())
        return bad(where, "expected {\"text\", \"label\", \"share\"}");
      double share = s.contains("share") && s["share"].is_number() ? s["share"].get<double>() : 1.0;
      m.strings.push_back(PhraseEntry{s["text"].get<std::string>(), s["label"].get<std::string>()});
      m.shares.push_back(share);
    }
  }
  m.tagger = TaggerModel(std::move(labels), std::move(t));
  return m;
}

}  // namespace scholion

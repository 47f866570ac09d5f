// The importer properties checked by the fuzz targets and their regression replays.
#include "fuzz_checks.h"

#include "brat_conf.h"
#include "format_brat.h"
#include "format_conll.h"
#include "format_doccano.h"
#include "format_labelstudio.h"
#include "html_text.h"
#include "inflate.h"
#include "scholion_json.h"
#include "text.h"
#include "zip_reader.h"
#include "zip_writer.h"

namespace scholion::fuzz {
namespace {

// Import -> export -> import -> export: both imports succeed and both exports are equal.
template <typename Import, typename Export>
std::string roundTrip(const std::string& input, Import import, Export exportTo) {
  auto first = import(input);
  if (!first) return "";  // refused with a message: fine
  std::string once = exportTo(first.value());
  auto second = import(once);
  if (!second) return "export not importable: " + second.error() + "\n--- export:\n" + once;
  std::string twice = exportTo(second.value());
  if (twice != once)
    return "round trip differs\n--- first export:\n" + once + "\n--- second:\n" + twice;
  return "";
}

std::string scholionJson(std::string_view in) {
  return roundTrip(
      std::string(in), [](const std::string& b) { return parseScholionJson(b); },
      [](const Workspace& ws) { return writeScholionJson(ws); });
}

std::string bratAnn(std::string_view in) {
  auto parts = splitParts(in, 2);
  const std::string text = parts[0];
  return roundTrip(
      parts[1],
      [&](const std::string& ann) { return parseBratAnn("d", "d.txt", text, "d.ann", ann); },
      [](const DocumentData& d) { return writeBratAnn(d); });
}

std::string bratConf(std::string_view in) {
  auto parts = splitParts(in, 3);
  auto import = [](const std::string& joined) {
    auto p = splitParts(joined, 3);
    return parseBratConf(p[0], "annotation.conf", p[1], p[2]);
  };
  auto write = [](const Schema& s) {
    return writeAnnotationConf(s) + '\0' + writeVisualConf(s) + '\0' + writeKbShortcutsConf(s);
  };
  return roundTrip(parts[0] + '\0' + parts[1] + '\0' + parts[2], import, write);
}

std::string conll(std::string_view in) {
  return roundTrip(
      std::string(in), [](const std::string& b) { return parseConll("f.conll", b); },
      [](const Workspace& ws) {
        auto out = writeConll(ws, BioScheme::Iob2);
        return out ? out->text : "export failed: " + out.error();
      });
}

std::string doccano(std::string_view in) {
  return roundTrip(
      std::string(in), [](const std::string& b) { return parseDoccanoJsonl("f.jsonl", b); },
      [](const Workspace& ws) { return writeDoccanoJsonl(ws, DoccanoForm::Entities); });
}

std::string labelStudio(std::string_view in) {
  return roundTrip(
      std::string(in), [](const std::string& b) { return parseLabelStudioJson("f.json", b); },
      [](const Workspace& ws) { return writeLabelStudioJson(ws); });
}

std::string zip(std::string_view in) {
  ZipLimits limits;
  limits.maxTotalBytes = 1 << 20;  // the fuzzer's memory, not a rule of the format
  auto files = readZip(in, "f.zip", limits);
  if (!files) return "";
  auto again = writeStoredZip(files.value());
  if (!again) return "";  // e.g. a name our writer refuses
  auto back = readZip(again.value(), "g.zip", limits);
  if (!back) return "our archive not readable: " + back.error();
  if (back->size() != files->size()) return "entry count differs";
  for (std::size_t i = 0; i < files->size(); ++i)
    if ((*back)[i].name != (*files)[i].name || (*back)[i].bytes != (*files)[i].bytes)
      return "entry " + (*files)[i].name + " differs";
  return "";
}

std::string inflate(std::string_view in) {
  std::size_t consumed = 0;
  auto out = inflateRaw(in, 1 << 20, &consumed);
  if (out && consumed > in.size()) return "consumed past the end";
  if (out && out->size() > (1u << 20)) return "output over the limit";
  return "";
}

std::string htmlText(std::string_view in) {
  if (firstInvalidUtf8(in)) return "";  // the caller checks UTF-8 first
  std::string text = htmlToText(in);
  if (auto bad = firstInvalidUtf8(text)) return "invalid UTF-8 out at " + std::to_string(*bad);
  return "";
}

}  // namespace

std::vector<std::string> splitParts(std::string_view input, std::size_t parts) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < parts; ++i) {
    auto nul = input.find('\0');
    out.emplace_back(input.substr(0, nul));
    input = nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);
  }
  out.emplace_back(input);
  return out;
}

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {{"scholion_json", scholionJson},
                                          {"brat_ann", bratAnn},
                                          {"brat_conf", bratConf},
                                          {"conll", conll},
                                          {"doccano", doccano},
                                          {"labelstudio", labelStudio},
                                          {"zip", zip},
                                          {"inflate", inflate},
                                          {"html_text", htmlText}};
  return all;
}

const Target* findTarget(std::string_view name) {
  for (const Target& t : targets())
    if (name == t.name) return &t;
  return nullptr;
}

}  // namespace scholion::fuzz

// "scholion suggest MODEL_OR_WORKSPACE IN OUT": trains on annotated documents (or reads a saved
// model) and pre-annotates IN's documents with suggestions.
#include <iostream>
#include <map>
#include <memory>

#include "cli_io.h"
#include "commands.h"
#include "document.h"
#include "format_util.h"
#include "gazetteer.h"
#include "suggest_model.h"
#include "suggest_sources.h"

namespace scholion::cli {
namespace {

const char kHelp[] =
    "Usage: scholion suggest MODEL_OR_WORKSPACE IN OUT [options]\n"
    "\n"
    "Pre-annotates the documents of IN with suggestions and writes OUT. MODEL_OR_WORKSPACE is\n"
    "either annotated documents in any format scholion reads (every document with at least one\n"
    "span teaches: the tagger learns from all its sentences, and each labelled text is matched\n"
    "elsewhere with its majority label) or a model file written by --save-model.\n"
    "\n"
    "Suggestions go into an annotator layer named \"suggestions\" (the app reviews it with its\n"
    "Predictions layer source), or with --as-annotations into the working layer (for formats\n"
    "that carry one layer, such as CoNLL). OUT's format comes from --to or its extension.\n"
    "\n"
    "Options:\n"
    "  --gazetteer FILE        also match a gazetteer (text<TAB>label lines, or CSV text,label)\n"
    "  --sources LIST          comma-separated: string-match,gazetteer,tagger (default: all)\n"
    "  --min-confidence X      leave out suggestions below X (0..1, default 0)\n"
    "  --layer NAME            the layer's name (default suggestions)\n"
    "  --as-annotations        write suggestions as the working layer's spans\n"
    "  --save-model FILE       write the trained model (tagger and labelled texts) to FILE\n"
    "  --epochs N --seed N     tagger training (default 10 epochs, seed 1)\n"
    "  --from F --to F         formats of IN and OUT (default: from the names)\n"
    "\n"
    "Exit status: 0 written, 1 failed (bad input), 2 usage error.\n";

struct Loaded {
  Workspace ws;
  std::vector<std::shared_ptr<const Document>> docs;
};

Result<Loaded> load(const std::string& path, Format from) {
  auto ws = loadWorkspace(path, from);
  if (!ws) return fail(ws.error());
  Loaded l{std::move(*ws), {}};
  for (const DocumentData& d : l.ws.documents) {
    auto doc = Document::create(d.text);
    if (!doc) return fail(path + ": document " + d.id + ": " + doc.error());
    l.docs.push_back(*doc);
  }
  return l;
}

std::vector<LabelledDocument> labelled(const Loaded& l) {
  std::vector<LabelledDocument> out;
  for (std::size_t i = 0; i < l.docs.size(); ++i)
    out.push_back({l.ws.documents[i].id, l.docs[i].get(), &l.ws.documents[i].annotations.spans});
  return out;
}

bool number(const ParsedArgs& a, const std::string& name, double lo, double hi, double& out) {
  const std::string* v = a.option(name);
  if (!v) return true;
  char* end = nullptr;
  double x = std::strtod(v->c_str(), &end);
  if (v->empty() || *end || !(x >= lo && x <= hi)) {
    std::cerr << "scholion suggest: " << name << " expects a number from " << lo << " to " << hi
              << ", not \"" << *v << "\"\n";
    return false;
  }
  out = x;
  return true;
}

// Trains (or reads) the model; fills the sources. Returns 0 or an exit code.
int buildSources(const ParsedArgs& args, SuggestionSources& src, const std::string& modelPath) {
  auto bytes = readFile(modelPath);
  if (!bytes) {
    std::cerr << bytes.error() << "\n";
    return 1;
  }
  SuggestModel model;
  if (looksLikeSuggestModel(*bytes)) {
    auto m = parseSuggestModel(*bytes, modelPath);
    if (!m) {
      std::cerr << m.error() << "\n";
      return 1;
    }
    model = std::move(*m);
  } else {
    Format from = Format::Unknown;
    auto train = load(modelPath, from);
    if (!train) {
      std::cerr << train.error() << "\n";
      return 1;
    }
    auto docs = labelled(*train);
    model.strings = entriesFromSpans(docs, model.shares);
    double epochs = 10, seed = 1;
    if (!number(args, "--epochs", 1, 1000, epochs) || !number(args, "--seed", 0, 1e15, seed))
      return 2;
    TaggerOptions o;
    o.epochs = static_cast<uint32_t>(epochs);
    o.seed = static_cast<uint64_t>(seed);
    o.scope = TrainingScope::AnnotatedDocuments;
    const PhraseMatcher* gaz = src.gazetteer.empty() ? nullptr : &src.gazetteer;
    TaggerData data = prepareTaggerData(docs, RejectedSet(), gaz, o.scope);
    if (data.spanCount == 0) {
      std::cerr << modelPath << ": no labelled spans to learn from\n";
      return 1;
    }
    std::cerr << "trained on " << data.spanCount << " spans in " << data.sentences.size()
              << " sentences (" << data.tokenCount << " tokens), labels:";
    for (const std::string& l : data.labels) std::cerr << " " << l;
    std::cerr << "\n";
    TrainingJob job(std::move(data), o);
    while (!job.step(1u << 20)) {
    }
    model.tagger = job.model();
  }
  if (const std::string* save = args.option("--save-model")) {
    auto st = writeFile(*save, writeSuggestModel(model));
    if (!st) {
      std::cerr << st.error() << "\n";
      return 1;
    }
  }
  src.model = std::move(model.tagger);
  src.labelled = PhraseMatcher(std::move(model.strings));
  src.labelledShare = std::move(model.shares);
  return 0;
}

}  // namespace

int cmdSuggest(int argc, char** argv) {
  ParsedArgs args;
  std::string err = parseArgs(argc, argv,
                              {"--gazetteer", "--sources", "--min-confidence", "--layer",
                               "--save-model", "--epochs", "--seed", "--from", "--to"},
                              {"--as-annotations"}, args);
  if (auto exit = helpOrUsage(args, err, args.positional.size() == 3, "suggest",
                              "expected MODEL_OR_WORKSPACE, IN and OUT", kHelp))
    return *exit;
  const std::string &modelPath = args.positional[0], &in = args.positional[1],
                    &out = args.positional[2];
  Format from, to;
  if (!formatOption(args, "--from", from) || !formatOption(args, "--to", to)) return 2;
  double minConfidence = 0;
  if (!number(args, "--min-confidence", 0, 1, minConfidence)) return 2;
  SuggestionSources src;
  if (const std::string* list = args.option("--sources")) {
    src.useStringMatch = src.useGazetteer = src.useTagger = false;
    std::size_t pos = 0;
    while (pos <= list->size()) {
      std::size_t comma = list->find(',', pos);
      std::string name =
          list->substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
      auto s = suggestionSourceFromName(name);
      if (s == SuggestionSource::StringMatch)
        src.useStringMatch = true;
      else if (s == SuggestionSource::Gazetteer)
        src.useGazetteer = true;
      else if (s == SuggestionSource::Tagger)
        src.useTagger = true;
      else {
        std::cerr << "scholion suggest: unknown source \"" << name
                  << "\" (use string-match, gazetteer, tagger)\n";
        return 2;
      }
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
  }
  if (const std::string* g = args.option("--gazetteer")) {
    auto bytes = readFile(*g);
    if (!bytes) {
      std::cerr << bytes.error() << "\n";
      return 1;
    }
    auto entries = parseGazetteer(*bytes, *g);
    if (!entries) {
      std::cerr << entries.error() << "\n";
      return 1;
    }
    src.gazetteer = PhraseMatcher(std::move(*entries));
  }
  if (int code = buildSources(args, src, modelPath)) return code;

  auto target = load(in, from);
  if (!target) {
    std::cerr << target.error() << "\n";
    return 1;
  }
  if (to == Format::Unknown) to = formatFromFileName(out);
  if (to == Format::Unknown || !canExport(to)) {
    std::cerr << "scholion suggest: cannot tell OUT's format from its name; use --to\n";
    return 2;
  }
  const std::string* layerName = args.option("--layer");
  const bool asAnnotations = args.flag("--as-annotations");
  std::map<std::string, std::size_t> perSource;
  std::size_t total = 0;
  auto docs = labelled(*target);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    DocumentData& d = target->ws.documents[i];
    AnnotationLayer layer;
    layer.annotator = layerName ? *layerName : "suggestions";
    for (const Suggestion& sg : src.suggest(docs[i], nullptr, RejectedSet())) {
      if (sg.confidence < minConfidence) continue;
      Span sp;
      sp.label = sg.label;
      sp.start = sg.start;
      sp.end = sg.end;
      sp.text = target->docs[i]->slice(sg.start, sg.end);
      sp.annotator = suggestionSourceName(sg.source);
      sp.note = std::string(suggestionSourceName(sg.source)) + " " +
                std::to_string(static_cast<int>(sg.confidence * 100 + 0.5)) + "%";
      layer.spans.push_back(std::move(sp));
      ++perSource[suggestionSourceName(sg.source)];
      ++total;
    }
    AnnotationLayer& into = asAnnotations ? d.annotations : layer;
    if (asAnnotations) {
      for (Span& sp : layer.spans) {
        sp.id = "S" + std::to_string(into.spans.size() + 1);
        into.spans.push_back(std::move(sp));
      }
    } else {
      for (std::size_t k = 0; k < layer.spans.size(); ++k)
        layer.spans[k].id = "S" + std::to_string(k + 1);
      d.others.push_back(std::move(layer));
    }
  }
  // Labels the suggestions use that IN's schema lacks are added, so the file opens cleanly.
  addMissingToSchema(target->ws.schema, target->ws);
  std::vector<std::string> warnings;
  auto bytes = exportFile(target->ws, to, ExportOptions(), &warnings);
  if (!bytes) {
    std::cerr << bytes.error() << "\n";
    return 1;
  }
  for (const std::string& w : warnings) std::cerr << "warning: " << w << "\n";
  auto st = writeFile(out, *bytes);
  if (!st) {
    std::cerr << st.error() << "\n";
    return 1;
  }
  std::cout << total << " suggestions in " << docs.size() << " document"
            << (docs.size() == 1 ? "" : "s");
  for (const auto& [name, n] : perSource) std::cout << ", " << name << " " << n;
  std::cout << "\n";
  return 0;
}

}  // namespace scholion::cli

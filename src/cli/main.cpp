// scholion command-line tool: dispatches "scholion <command> ..." to the subcommands in commands.h.
#include <cstring>
#include <iostream>
#include <string>

#include "commands.h"
#include "formats.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(int argc, char** argv);
};

// The dispatch table: one row per subcommand (see commands.h to add one).
const Command kCommands[] = {
    {"convert", "convert annotations between formats", scholion::cli::cmdConvert},
    {"validate", "check a file; print file:line:col problems (exit 0 valid, 1 invalid)",
     scholion::cli::cmdValidate},
    {"stats", "count documents, spans per label, relations", scholion::cli::cmdStats},
    {"grade", "grade students' files against an answer key (table or --csv)",
     scholion::cli::cmdGrade},
    {"agree", "inter-annotator agreement: kappas, alpha, span F1 (table or --csv)",
     scholion::cli::cmdAgree},
    {"brat-survey", "open every brat corpus and annotation.conf under a folder; count warnings",
     scholion::cli::cmdBratSurvey},
    {"suggest", "train on annotated documents (or a saved model) and pre-annotate others",
     scholion::cli::cmdSuggest},
};

void usage(std::ostream& out) {
  out << "Usage: scholion <command> [options]\n"
         "       scholion <command> --help\n\nCommands:\n";
  for (const auto& c : kCommands) {
    std::string name = c.name;
    name.resize(std::max<std::size_t>(name.size() + 2, 11), ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\nFormats (--from / --to):\n"
      << scholion::formatsHelp()
      << "\nExit status: 0 success, 1 failure or invalid input, 2 usage error.\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(std::cerr);
    return 2;
  }
  std::string first = argv[1];
  if (first == "--help" || first == "-h" || first == "help") {
    if (first == "help" && argc >= 3) {  // "scholion help convert" = "scholion convert --help"
      for (const auto& c : kCommands) {
        if (std::strcmp(c.name, argv[2]) == 0) {
          char help[] = "--help";
          char* args[] = {argv[2], help, nullptr};
          return c.run(2, args);
        }
      }
    }
    usage(std::cout);
    return 0;
  }
  if (first == "--version") {
    std::cout << "scholion 0.1.0\n";
    return 0;
  }
  for (const auto& c : kCommands) {
    if (first == c.name) return c.run(argc - 1, argv + 1);
  }
  std::cerr << "scholion: unknown command '" << first << "'\n\n";
  usage(std::cerr);
  return 2;
}

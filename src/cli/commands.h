// The subcommands of the scholion command-line tool; main.cpp lists them in its dispatch table.
#pragma once

namespace scholion::cli {

// Each subcommand gets argv with argv[0] = its own name ("convert"), handles "--help"/"-h"
// itself, and returns the process exit code: 0 success, 1 failure (invalid input...), 2 usage.
//
// To add a subcommand "grade": write `int cmdGrade(int argc, char** argv)` in src/cli/cmd_grade.cpp
// (namespace scholion::cli), declare it below, and add one row {"grade", "summary", cmdGrade} to
// kCommands in src/cli/main.cpp. The CMake glob picks the new file up (re-run cmake).
int cmdConvert(int argc, char** argv);
int cmdValidate(int argc, char** argv);
int cmdStats(int argc, char** argv);
int cmdGrade(int argc, char** argv);       // cmd_grade.cpp
int cmdAgree(int argc, char** argv);       // cmd_agree.cpp
int cmdBratSurvey(int argc, char** argv);  // cmd_brat_survey.cpp
int cmdSuggest(int argc, char** argv);     // cmd_suggest.cpp

}  // namespace scholion::cli

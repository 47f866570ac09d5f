// Which of an exercise's documents each student gets (see exercise_handout.h).
#include "exercise_handout.h"

#include <algorithm>
#include <numeric>

#include "text.h"

namespace scholion {
namespace {

std::string trimmed(const std::string& s) {
  const std::size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

}  // namespace

bool handsOutSubsets(const Workspace& exercise) {
  const uint32_t per = exercise.exercise.documentsPerStudent;
  return exercise.exercise.enabled && per > 0 && per < exercise.documents.size();
}

std::vector<bool> assignedMask(const Workspace& exercise, const std::string& student) {
  const std::size_t n = exercise.documents.size();
  std::vector<bool> mask(n, true);
  if (!handsOutSubsets(exercise)) return mask;
  const std::size_t per = exercise.exercise.documentsPerStudent;
  const std::size_t shared = std::min<std::size_t>(exercise.exercise.sharedDocuments, per);
  const std::string name = trimmed(student);
  std::vector<std::pair<std::string, std::size_t>> ranked;
  for (std::size_t i = shared; i < n; ++i)
    ranked.push_back({sha256Hex(name + "\n" + exercise.documents[i].sha256), i});
  std::sort(ranked.begin(), ranked.end());
  std::fill(mask.begin() + static_cast<std::ptrdiff_t>(shared), mask.end(), false);
  for (std::size_t r = 0; r < per - shared && r < ranked.size(); ++r) mask[ranked[r].second] = true;
  return mask;
}

Workspace handOut(Workspace exercise, const std::string& student) {
  const std::vector<bool> mask = assignedMask(exercise, student);
  const std::string active = exercise.activeDocument < exercise.documents.size()
                                 ? exercise.documents[exercise.activeDocument].id
                                 : std::string();
  std::vector<DocumentData> kept;
  for (std::size_t i = 0; i < exercise.documents.size(); ++i)
    if (mask[i]) kept.push_back(std::move(exercise.documents[i]));
  exercise.documents = std::move(kept);
  exercise.activeDocument = 0;
  for (std::size_t i = 0; i < exercise.documents.size(); ++i)
    if (exercise.documents[i].id == active) exercise.activeDocument = i;
  return exercise;
}

}  // namespace scholion

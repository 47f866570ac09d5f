// Which of an exercise's documents each student gets: all of them, or a subset chosen from the
// student's name so that the teacher can reproduce it, with shared documents for agreement.
#pragma once

#include <string>
#include <vector>

#include "model.h"

namespace scholion {

// True for each document of `exercise` that `student` gets. Every document when the exercise
// hands out all of them (documentsPerStudent 0, or not fewer than the documents). Otherwise the
// first sharedDocuments (in the exercise's order) go to everyone, and the rest of the
// documentsPerStudent are those of the other documents whose SHA-256 of (name, text hash) is
// smallest: rendezvous hashing, the same on every machine, spreading students evenly, and a
// different name gives a different subset. The name is taken with surrounding spaces removed.
std::vector<bool> assignedMask(const Workspace& exercise, const std::string& student);

// The exercise as `student` gets it: only their documents (the active one kept when it stays).
Workspace handOut(Workspace exercise, const std::string& student);

// The exercise hands each student a subset (not every document).
bool handsOutSubsets(const Workspace& exercise);

}  // namespace scholion

// Time on task: the active time between edits, the start time, and how a duration is written.
#pragma once

#include <cstdint>
#include <string>

#include "model.h"

namespace scholion {

// Pauses between two edits up to this long count as working; longer ones as a break.
constexpr double kActiveGapSeconds = 120;

// Adds the time since the previous edit (if the pause was short enough) to `progress`; `lastEdit`
// is the previous edit's time in seconds (negative before the first edit) and becomes `now`.
void noteEdit(WorkProgress& progress, double now, double& lastEdit);

// "2026-12-07T09:15:02Z" for seconds since 1970-01-01 UTC.
std::string isoUtc(int64_t unixSeconds);

// "0 min", "12 min", "1 h 05 min": minutes, rounded down.
std::string minutesText(double seconds);

}  // namespace scholion

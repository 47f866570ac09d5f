// Time on task: the active time between edits, the start time, and how a duration is written.
#include "work_progress.h"

#include <cstdio>

namespace scholion {

void noteEdit(WorkProgress& progress, double now, double& lastEdit) {
  if (lastEdit >= 0 && now >= lastEdit && now - lastEdit <= kActiveGapSeconds)
    progress.activeSeconds += now - lastEdit;
  lastEdit = now;
}

std::string isoUtc(int64_t unixSeconds) {
  // Days to a civil date (proleptic Gregorian), after H. Hinnant's days_from_civil inverse.
  int64_t days = unixSeconds / 86400, secs = unixSeconds % 86400;
  if (secs < 0) secs += 86400, --days;
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char buf[96];  // room for any 64-bit year (the compiler checks the widest case)
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                static_cast<long long>(year), static_cast<long long>(month),
                static_cast<long long>(day), static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf;
}

std::string minutesText(double seconds) {
  const long long minutes = seconds > 0 ? static_cast<long long>(seconds / 60) : 0;
  char buf[32];
  if (minutes < 60)
    std::snprintf(buf, sizeof buf, "%lld min", minutes);
  else
    std::snprintf(buf, sizeof buf, "%lld h %02lld min", minutes / 60, minutes % 60);
  return buf;
}

}  // namespace scholion

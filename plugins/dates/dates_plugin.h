#pragma once
// The `dates` plugin: calendar functions that are not operators of the language (which
// already has `date + 30 days`, comparisons and durations).
//
//   date(d)             the UTC calendar date of an instant (a date is returned unchanged)
//   days_between(a, b)  b - a in days (instants count by their UTC date)
//   year(d), month(d)   calendar fields of a date or an instant (UTC)
//   today()             the as-of date the rules are judged at (never the system clock)

#include <string_view>
#include <vector>

#include "engine/plugin/plugin.h"

namespace tradelint {

class DatesPlugin : public Plugin {
 public:
  std::string_view name() const override { return "dates"; }
  std::string_view version() const override { return "1.0"; }
  std::vector<FunctionDef> Functions() const override;
};

}  // namespace tradelint

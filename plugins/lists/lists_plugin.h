#pragma once
// The `lists` plugin: aggregates over lists.
//
//   count(list)     the number of elements
//   sum(list)       numbers, or money of one currency
//   min(list), max(list)  numbers, dates, instants, or money of one currency
//   distinct(list)  the elements without repeats (first occurrences, in order)
//   flatten(list)   a list of lists concatenated
//
// Missing data never passes silently: a missing or null element makes sum, min and max
// missing, and so do mixed currencies or mixed kinds. min and max of an empty list are
// missing. The sum of an empty list is 0 (of the list's static currency for money); when the
// element type is not known statically it is missing.

#include <string_view>
#include <vector>

#include "engine/plugin/plugin.h"

namespace tradelint {

class ListsPlugin : public Plugin {
 public:
  std::string_view name() const override { return "lists"; }
  std::string_view version() const override { return "1.0"; }
  std::vector<FunctionDef> Functions() const override;
};

}  // namespace tradelint

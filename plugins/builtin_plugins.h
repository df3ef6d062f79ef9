#pragma once
// The function library that ships with tradelint: the plugins of this folder, one per
// subfolder (text, regex, dates, money, markets, lists).
//
//   tradelint::FunctionRegistry registry;
//   tradelint::RegisterBuiltinPlugins(registry);
//   const tradelint::FunctionDef* matches = registry.Find("matches");

#include "engine/plugin/plugin.h"
#include "plugins/regex/regex_plugin.h"

namespace tradelint {

struct BuiltinPluginOptions {
  RegexOptions regex;
};

// Registers every built-in plugin into `registry`, which must not yet hold any of their
// function names: a clash is a programming error and aborts (it cannot depend on user input).
void RegisterBuiltinPlugins(FunctionRegistry& registry, const BuiltinPluginOptions& options = {});

}  // namespace tradelint

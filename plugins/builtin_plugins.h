#pragma once
// The function library that ships with tradelint: the plugins of this folder, one per
// subfolder (text, regex, dates, money, markets, lists, screening). The engine registers no plugin
// of its own; its callers choose them (EngineOptions::plugins).
//
//   const tradelint::BuiltinPlugins builtin;
//   tradelint::EngineOptions options;
//   options.plugins = builtin.plugins();
//
//   tradelint::FunctionRegistry registry;  // or a registry of one's own
//   tradelint::RegisterBuiltinPlugins(registry);

#include <memory>
#include <vector>

#include "engine/plugin/plugin.h"
#include "engine/screening/dispositions.h"
#include "plugins/regex/regex_plugin.h"

namespace tradelint {

struct BuiltinPluginOptions {
  RegexOptions regex;
  // The screening decisions of `--dispositions` (ScreeningPlugin); null: none.
  std::shared_ptr<const Dispositions> dispositions;
};

// Owns one instance of every built-in plugin, built with `options`.
class BuiltinPlugins {
 public:
  explicit BuiltinPlugins(const BuiltinPluginOptions& options = {});
  BuiltinPlugins(const BuiltinPlugins&) = delete;
  BuiltinPlugins& operator=(const BuiltinPlugins&) = delete;

  // Every built-in plugin, in registration order; valid while this object lives (so not
  // offered on a temporary, whose plugins would die before their use).
  std::vector<const Plugin*> plugins() const&;
  std::vector<const Plugin*> plugins() const&& = delete;

 private:
  std::vector<std::unique_ptr<const Plugin>> plugins_;
};

// Registers every built-in plugin into `registry`, which must not yet hold any of their
// function names: a clash is a programming error and aborts (it cannot depend on user input).
void RegisterBuiltinPlugins(FunctionRegistry& registry, const BuiltinPluginOptions& options = {});

}  // namespace tradelint

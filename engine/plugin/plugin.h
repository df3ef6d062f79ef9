#pragma once
// A plugin: a named, versioned group of functions. Plugins in the tree (plugins/) and
// outside it use this one interface: the engine asks each plugin for its FunctionDefs and
// registers them; the checker reads their declarations, the evaluator their implementations.
//
//   class MyPlugin : public tradelint::Plugin {
//    public:
//     std::string_view name() const override { return "my_plugin"; }
//     std::string_view version() const override { return "1.0"; }
//     std::vector<tradelint::FunctionDef> Functions() const override;
//   };

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/plugin/function.h"

namespace tradelint {

class Plugin {
 public:
  virtual ~Plugin() = default;
  virtual std::string_view name() const = 0;
  virtual std::string_view version() const = 0;
  virtual std::vector<FunctionDef> Functions() const = 0;
};

// Every function the language can call, by name. Immutable once built; shared by the
// checker, the planner and the evaluator.
class FunctionRegistry {
 public:
  // Registers every function of `plugin`. Returns false and sets `error` when a name is
  // already taken (functions never shadow each other silently).
  bool Register(const Plugin& plugin, std::string* error);

  const FunctionDef* Find(std::string_view name) const;
  std::vector<std::string> Names() const;
  struct PluginInfo {
    std::string name, version;
  };
  const std::vector<PluginInfo>& plugins() const { return plugins_; }

 private:
  std::map<std::string, std::shared_ptr<const FunctionDef>, std::less<>> functions_;
  std::vector<PluginInfo> plugins_;
};

}  // namespace tradelint

#include "engine/plugin/plugin.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace tradelint {

bool FunctionRegistry::Register(const Plugin& plugin, std::string* error) {
  std::vector<FunctionDef> functions = plugin.Functions();
  // Validate every name first so that a failed registration leaves the registry unchanged.
  std::set<std::string, std::less<>> seen;
  for (const FunctionDef& function : functions) {
    if (functions_.contains(function.name) || !seen.insert(function.name).second) {
      if (error != nullptr) {
        *error = "plugin `" + std::string(plugin.name()) + "` defines `" + function.name +
                 "`, which is already registered";
      }
      return false;
    }
  }
  for (FunctionDef& function : functions) {
    std::string name = function.name;
    functions_.emplace(std::move(name), std::make_shared<const FunctionDef>(std::move(function)));
  }
  plugins_.push_back({std::string(plugin.name()), std::string(plugin.version())});
  return true;
}

const FunctionDef* FunctionRegistry::Find(std::string_view name) const {
  auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : it->second.get();
}

std::vector<std::string> FunctionRegistry::Names() const {
  std::vector<std::string> names;
  names.reserve(functions_.size());
  for (const auto& [name, function] : functions_) names.push_back(name);
  return names;
}

}  // namespace tradelint

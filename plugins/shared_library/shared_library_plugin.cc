#include "plugins/shared_library/shared_library_plugin.h"

#include <dlfcn.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/plugin/abi/tradelint_plugin.h"
#include "plugins/common/arguments.h"

namespace tradelint {
namespace {

// The static type of an ABI type; nullopt for TRADELINT_TYPE_MISSING and unknown numbers.
std::optional<Type> TypeOf(tradelint_type type) {
  switch (type) {
    case TRADELINT_TYPE_BOOL:
      return Type::Bool();
    case TRADELINT_TYPE_NUMBER:
      return Type::Number();
    case TRADELINT_TYPE_STRING:
      return Type::String();
    case TRADELINT_TYPE_DATE:
      return Type::Date();
    case TRADELINT_TYPE_MISSING:
      break;
  }
  return std::nullopt;
}

std::string_view TextOf(const tradelint_value& value) {
  return value.text == nullptr ? std::string_view() : std::string_view(value.text, value.size);
}

// An argument in its ABI form. `storage` holds the text of numbers and dates; it must not be
// resized while the returned value is in use.
tradelint_value ArgumentOf(const Value& value, std::string& storage) {
  tradelint_value out{};
  if (value.is_bool()) {
    out.type = TRADELINT_TYPE_BOOL;
    out.boolean = value.as_bool() ? 1 : 0;
    return out;
  }
  std::string_view text;
  if (value.is_string()) {
    out.type = TRADELINT_TYPE_STRING;
    text = value.as_string();
  } else if (value.is_number() || value.is_date()) {
    out.type = value.is_number() ? TRADELINT_TYPE_NUMBER : TRADELINT_TYPE_DATE;
    storage = value.is_number() ? value.as_number().ToString() : value.as_date().ToString();
    text = storage;
  } else {
    out.type = TRADELINT_TYPE_MISSING;
  }
  out.text = text.data();
  out.size = text.size();
  return out;
}

// What `set_result` receives: the declared result type, and the Value once set.
struct ResultSlot {
  tradelint_type expected;
  Value value;  // missing until set with a value of the expected type
};

void SetResult(void* slot_pointer, const tradelint_value* value) {
  ResultSlot& slot = *static_cast<ResultSlot*>(slot_pointer);
  slot.value = Value();
  if (value == nullptr || value->type != slot.expected) return;
  switch (value->type) {
    case TRADELINT_TYPE_BOOL:
      slot.value = Value(value->boolean != 0);
      break;
    case TRADELINT_TYPE_NUMBER:
      if (std::optional<Decimal> number = Decimal::Parse(TextOf(*value))) {
        slot.value = Value(*number);
      }
      break;
    case TRADELINT_TYPE_STRING:
      slot.value = Value(std::string(TextOf(*value)));
      break;
    case TRADELINT_TYPE_DATE:
      if (std::optional<Date> date = Date::Parse(TextOf(*value))) slot.value = Value(*date);
      break;
    case TRADELINT_TYPE_MISSING:
      break;
  }
}

class SharedLibraryPlugin : public Plugin {
 public:
  // `library` is the dlopen handle, closed when the last FunctionDef made from it dies.
  SharedLibraryPlugin(std::shared_ptr<void> library, const tradelint_plugin& table,
                      std::vector<FunctionDef> functions)
      : library_(std::move(library)),
        name_(table.name),
        version_(table.version),
        functions_(std::move(functions)) {}

  std::string_view name() const override { return name_; }
  std::string_view version() const override { return version_; }
  std::vector<FunctionDef> Functions() const override { return functions_; }

 private:
  std::shared_ptr<void> library_;
  std::string name_, version_;
  std::vector<FunctionDef> functions_;
};

// The FunctionDef of `function`, or nullopt with `error` set when it is not well formed.
std::optional<FunctionDef> Define(const tradelint_function& function, std::shared_ptr<void> library,
                                  std::string* error) {
  if (function.name == nullptr || *function.name == '\0' || function.eval == nullptr) {
    *error = "declares a function without a name or an `eval`";
    return std::nullopt;
  }
  const std::string name = function.name;
  std::vector<Type> parameters;
  std::string signature = name + "(";
  for (std::size_t i = 0; i < function.parameter_count; ++i) {
    const std::optional<Type> type =
        function.parameters == nullptr ? std::nullopt : TypeOf(function.parameters[i]);
    if (!type) {
      *error =
          "declares parameter " + std::to_string(i + 1) + " of `" + name + "` with no valid type";
      return std::nullopt;
    }
    signature += (i == 0 ? "" : ", ") + type->ToString();
    parameters.push_back(*type);
  }
  const std::optional<Type> result = TypeOf(function.result);
  if (!result) {
    *error = "declares `" + name + "` with no valid result type";
    return std::nullopt;
  }
  FunctionDef def;
  def.name = name;
  def.signature = signature + ") -> " + result->ToString();
  def.summary = function.summary == nullptr ? "" : function.summary;
  def.check = FixedSignature(name, std::move(parameters), *result);
  def.eval = [eval = function.eval, result_type = function.result, library = std::move(library)](
                 std::span<const Value> args, const CallContext& context) -> Value {
    std::vector<std::string> storage(args.size());
    std::vector<tradelint_value> arguments;
    arguments.reserve(args.size());
    for (std::size_t i = 0; i < args.size(); ++i) {
      arguments.push_back(ArgumentOf(args[i], storage[i]));
    }
    const std::string market(context.market);
    const std::string as_of = context.as_of.ToString();
    ResultSlot slot{result_type, Value()};
    const tradelint_call call{arguments.data(), arguments.size(), market.c_str(),
                              as_of.c_str(),    &SetResult,       &slot};
    eval(&call);
    return std::move(slot.value);
  };
  return def;
}

}  // namespace

std::unique_ptr<const Plugin> LoadSharedLibraryPlugin(const std::string& path, std::string* error) {
  const std::string named = "plugin `" + path + "`: ";
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    *error = named + "cannot be loaded: " + (why == nullptr ? "unknown error" : why);
    return nullptr;
  }
  std::shared_ptr<void> library(handle, [](void* h) { dlclose(h); });
  void* entry = dlsym(handle, TRADELINT_PLUGIN_ENTRY);
  if (entry == nullptr) {
    *error = named + "is not a tradelint plugin: it exports no `" TRADELINT_PLUGIN_ENTRY "`";
    return nullptr;
  }
  const tradelint_plugin* table =
      reinterpret_cast<tradelint_plugin_entry_function>(reinterpret_cast<std::uintptr_t>(entry))();
  if (table == nullptr) {
    *error = named + "`" TRADELINT_PLUGIN_ENTRY "` returned no plugin";
    return nullptr;
  }
  if (table->abi_version != TRADELINT_PLUGIN_ABI_VERSION) {
    *error = named + "was built for plugin ABI version " + std::to_string(table->abi_version) +
             ", but this tradelint loads version " + std::to_string(TRADELINT_PLUGIN_ABI_VERSION) +
             " only; rebuild it against engine/plugin/abi/tradelint_plugin.h";
    return nullptr;
  }
  if (table->name == nullptr || table->version == nullptr ||
      (table->function_count > 0 && table->functions == nullptr)) {
    *error = named + "declares no name, version or function table";
    return nullptr;
  }
  std::vector<FunctionDef> functions;
  for (std::size_t i = 0; i < table->function_count; ++i) {
    std::string why;
    std::optional<FunctionDef> def = Define(table->functions[i], library, &why);
    if (!def) {
      *error = named + why;
      return nullptr;
    }
    functions.push_back(std::move(*def));
  }
  return std::make_unique<SharedLibraryPlugin>(std::move(library), *table, std::move(functions));
}

}  // namespace tradelint

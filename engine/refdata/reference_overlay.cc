#include "engine/refdata/reference_overlay.h"

#include <set>
#include <system_error>
#include <variant>

#include "engine/base/date.h"
#include "engine/base/file.h"
#include "engine/json/json.h"
#include "engine/value/value.h"

namespace tradelint {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kSidecarSuffix = ".meta.json";

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string ReadProvenanceSidecar(const std::string& path, Provenance* provenance) {
  const std::optional<std::string> text = ReadFile(path);
  if (!text) return "cannot read the file";
  JsonResult parsed = ParseJson(*text);
  if (const JsonError* error = std::get_if<JsonError>(&parsed))
    return "not JSON: " + error->message;
  const Value& root = std::get<Value>(parsed);
  const char* const kShape =
      R"(expected {"source": "...", "date": "YYYY-MM-DD", "version": "..."})";
  if (!root.is_object()) return kShape;
  for (const auto& [key, member] : root.as_object()) {
    if (key != "source" && key != "date" && key != "version") {
      return "unknown member `" + key + "`; " + kShape;
    }
    if (!member.is_string()) return "`" + key + "` must be a string; " + kShape;
  }
  const Value& source = root.Get("source");
  const Value& date = root.Get("date");
  if (!source.is_string() || source.as_string().empty())
    return "`source` is required; " + std::string(kShape);
  if (!date.is_string() || !Date::Parse(date.as_string())) {
    return "`date` must be a date as YYYY-MM-DD; " + std::string(kShape);
  }
  provenance->source = source.as_string();
  provenance->date = date.as_string();
  if (root.Get("version").is_string()) provenance->version = root.Get("version").as_string();
  return "";
}

std::optional<ReferenceOverlay> ReferenceOverlay::Open(const std::string& bundled_directory,
                                                       const std::string& overlay_directory,
                                                       std::string* error) {
  std::error_code code;
  if (!fs::is_directory(overlay_directory, code)) {
    *error = overlay_directory + ": not a folder (--reference-data)";
    return std::nullopt;
  }
  ReferenceOverlay overlay;
  overlay.bundled_ = fs::weakly_canonical(bundled_directory, code);
  if (code) {
    *error = bundled_directory + ": " + code.message();
    return std::nullopt;
  }
  std::set<std::string> sidecars;  // relative paths of the files the sidecars describe
  for (auto it = fs::recursive_directory_iterator(overlay_directory, code);
       !code && it != fs::recursive_directory_iterator(); it.increment(code)) {
    std::error_code file_code;
    if (!it->is_regular_file(file_code)) continue;
    const std::string relative = it->path().lexically_relative(overlay_directory).generic_string();
    if (EndsWith(relative, kSidecarSuffix)) {
      sidecars.insert(relative.substr(0, relative.size() - kSidecarSuffix.size()));
      continue;
    }
    if (!fs::is_regular_file(overlay.bundled_ / relative, file_code)) {
      *error = it->path().string() + ": no bundled reference file `" + relative +
               "` to replace (the folder's files replace those of rulesets/reference/ at the "
               "same path)";
      return std::nullopt;
    }
    overlay.files_[relative].path = it->path().string();
  }
  if (code) {
    *error = overlay_directory + ": cannot list the folder: " + code.message();
    return std::nullopt;
  }
  for (const std::string& described : sidecars) {
    const std::string sidecar_path =
        (fs::path(overlay_directory) / (described + std::string(kSidecarSuffix))).string();
    const auto file = overlay.files_.find(described);
    if (file == overlay.files_.end()) {
      *error = sidecar_path + ": a sidecar without its file `" + described + "`";
      return std::nullopt;
    }
    if (EndsWith(described, ".json")) {
      *error = sidecar_path + ": " + described +
               " gives its provenance in its own `source` and `date` members; it takes no sidecar";
      return std::nullopt;
    }
    Provenance provenance;
    const std::string message = ReadProvenanceSidecar(sidecar_path, &provenance);
    if (!message.empty()) {
      *error = sidecar_path + ": " + message;
      return std::nullopt;
    }
    file->second.sidecar = std::move(provenance);
  }
  return overlay;
}

ReferenceOverlay::File ReferenceOverlay::Locate(const std::string& path) const {
  if (files_.empty()) return File{path, std::nullopt};
  std::error_code code;
  const fs::path relative = fs::weakly_canonical(path, code).lexically_relative(bundled_);
  if (code || relative.empty() || *relative.begin() == "..") return File{path, std::nullopt};
  const auto it = files_.find(relative.generic_string());
  return it == files_.end() ? File{path, std::nullopt} : it->second;
}

}  // namespace tradelint

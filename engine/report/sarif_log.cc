#include "engine/report/sarif_log.h"

namespace tradelint {
namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

bool Unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void WriteMultiformat(JsonWriter& json, std::string_view key, std::string_view text) {
  if (!text.empty()) json.Key(key).BeginObject().Key("text").String(text).EndObject();
}

}  // namespace

std::string_view SarifLevel(std::string_view severity) {
  if (severity == "error") return "error";
  if (severity == "warning") return "warning";
  return "note";
}

std::string SarifUri(std::string_view path) {
  std::string uri = path.starts_with('/') ? "file://" : "";
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (Unreserved(byte) || c == '/') {
      uri += c;
    } else if (c == '\\') {
      uri += '/';
    } else {
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 0xF];
    }
  }
  return uri;
}

SarifLog::SarifLog(std::ostream& out, std::string tool_version)
    : out_(out),
      tool_version_(std::move(tool_version)),
      json_(buffer_, JsonWriter::Style::kPretty) {}

void SarifLog::Begin() {
  json_.BeginObject();
  json_.Key("$schema").String(kSchema);
  json_.Key("version").String("2.1.0");
  json_.Key("runs").BeginArray().BeginObject();
  json_.Key("results").BeginArray();
  Drain();
}

JsonWriter& SarifLog::BeginResult(std::size_t rule_index, std::string_view level,
                                  std::string_view message) {
  json_.BeginObject();
  json_.Key("ruleId").String(rules_[rule_index].id);
  json_.Key("ruleIndex").Int(static_cast<std::int64_t>(rule_index));
  json_.Key("level").String(level);
  WriteMultiformat(json_, "message", message.empty() ? rules_[rule_index].id : message);
  return json_;
}

void SarifLog::EndResult() {
  json_.EndObject();
  Drain();
}

void SarifLog::Location(const SarifRegion& region, const std::vector<std::string>& logical_paths,
                        std::string_view message) {
  json_.BeginObject();
  if (!region.file.empty()) {
    json_.Key("physicalLocation").BeginObject();
    json_.Key("artifactLocation")
        .BeginObject()
        .Key("uri")
        .String(SarifUri(region.file))
        .EndObject();
    if (region.start_line > 0) {
      json_.Key("region").BeginObject();
      json_.Key("startLine").Int(region.start_line);
      if (region.start_column > 0) json_.Key("startColumn").Int(region.start_column);
      if (region.end_line > 0) json_.Key("endLine").Int(region.end_line);
      if (region.end_column > 0) json_.Key("endColumn").Int(region.end_column);
      json_.EndObject();
    }
    json_.EndObject();
  }
  if (!logical_paths.empty()) {
    json_.Key("logicalLocations").BeginArray();
    for (const std::string& path : logical_paths) {
      const std::size_t dot = path.rfind('.');
      json_.BeginObject();
      json_.Key("name").String(dot == std::string::npos ? path : path.substr(dot + 1));
      json_.Key("fullyQualifiedName").String(path);
      json_.Key("kind").String("member");
      json_.EndObject();
    }
    json_.EndArray();
  }
  WriteMultiformat(json_, "message", message);
  json_.EndObject();
}

void SarifLog::End() {
  json_.EndArray();  // results
  json_.Key("columnKind").String("unicodeCodePoints");
  json_.Key("invocations").BeginArray().BeginObject();
  json_.Key("executionSuccessful").Bool(true);
  json_.EndObject().EndArray();
  json_.Key("tool").BeginObject().Key("driver").BeginObject();
  json_.Key("name").String("tradelint");
  json_.Key("version").String(tool_version_);
  json_.Key("semanticVersion").String(tool_version_);
  json_.Key("rules").BeginArray();
  for (const SarifRule& rule : rules_) {
    json_.BeginObject();
    json_.Key("id").String(rule.id);
    WriteMultiformat(json_, "shortDescription", rule.short_description);
    WriteMultiformat(json_, "fullDescription", rule.full_description);
    WriteMultiformat(json_, "help", rule.help);
    json_.Key("defaultConfiguration").BeginObject().Key("level").String(rule.level).EndObject();
    json_.Key("properties").BeginObject();
    for (const auto& [key, value] : rule.properties) {
      if (!value.empty()) json_.Key(key).String(value);
    }
    if (!rule.tags.empty()) {
      json_.Key("tags").BeginArray();
      for (const std::string& tag : rule.tags) json_.String(tag);
      json_.EndArray();
    }
    json_.EndObject();
    json_.EndObject();
  }
  json_.EndArray();
  json_.EndObject().EndObject();  // driver, tool
  json_.EndObject().EndArray();   // the run, runs
  json_.EndObject();
  buffer_ += '\n';
  Drain();
}

void SarifLog::Drain() {
  out_ << buffer_;
  buffer_.clear();
}

}  // namespace tradelint

#include "tools/tradelint/serve/json_error.h"

#include "engine/json/json.h"

namespace tradelint::serve {

std::string JsonErrorBody(std::string_view code, std::string_view message) {
  std::string text;
  JsonWriter json(text, JsonWriter::Style::kPretty);
  json.BeginObject().Key("error").BeginObject();
  json.Key("code").String(code);
  json.Key("message").String(message);
  json.EndObject().EndObject();
  text += '\n';
  return text;
}

void SetJsonError(httplib::Response& response, int status, std::string_view code,
                  std::string_view message) {
  response.status = status;
  response.set_content(JsonErrorBody(code, message), "application/json");
}

std::string_view ErrorCodeForStatus(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 406:
      return "not_acceptable";
    case 408:
      return "request_timeout";
    case 413:
      return "too_large";
    case 414:
      return "uri_too_long";
    case 415:
      return "unsupported_media_type";
    case 416:
      return "range_not_satisfiable";
    case 417:
      return "expectation_failed";
    case 503:
      return "overloaded";
    default:
      return status >= 500 ? "internal_error" : "bad_request";
  }
}

}  // namespace tradelint::serve

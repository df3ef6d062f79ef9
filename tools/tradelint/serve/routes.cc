#include "tools/tradelint/serve/routes.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "engine/json/json.h"
#include "tools/tradelint/serve/admission_queue.h"
#include "tools/tradelint/serve/catalogue.h"
#include "tools/tradelint/serve/check_request.h"
#include "tools/tradelint/serve/json_error.h"
#include "tools/tradelint/serve/static_assets.h"

namespace tradelint::serve {
namespace {

using Clock = std::chrono::steady_clock;

// The Content-Security-Policy of every answer: nothing but the server's own files, no inline
// script or style, no framing (docs/server.md, "The web page").
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

// The API's routes with their method (for 405 answers and the metrics' route label).
struct Route {
  std::string_view path;
  std::string_view method;
};
constexpr std::array<Route, 11> kApiRoutes = {{{"/v1/check", "POST"},
                                               {"/v1/rules", "GET"},
                                               {"/v1/markets", "GET"},
                                               {"/v1/categories", "GET"},
                                               {"/v1/fields", "GET"},
                                               {"/v1/init", "GET"},
                                               {"/v1/openapi.json", "GET"},
                                               {"/v1/admin/reload", "POST"},
                                               {"/healthz", "GET"},
                                               {"/metrics", "GET"},
                                               {"/", "GET"}}};

const Route* FindRoute(std::string_view path) {
  for (const Route& route : kApiRoutes) {
    if (route.path == path) return &route;
  }
  return nullptr;
}

// The metrics' label of a path: a route, `static` for the page's files, else `other` (so
// that unknown paths cannot grow the label set).
std::string_view RouteLabel(std::string_view path) {
  if (const Route* route = FindRoute(path)) return route->path;
  return FindAsset(path) != nullptr ? "static" : "other";
}

// When the current request started, on its worker thread (a worker serves one request at a
// time).
thread_local Clock::time_point request_start;

// Whether a path needs an API key when keys are enabled: the API, but not its description.
bool NeedsKey(std::string_view path) {
  return path.starts_with("/v1/") && path != "/v1/openapi.json";
}

std::vector<std::string> ParamValues(const httplib::Request& request, const char* name) {
  std::vector<std::string> values;
  const auto [begin, end] = request.params.equal_range(name);
  for (auto it = begin; it != end; ++it) values.push_back(it->second);
  return values;
}

CatalogueQuery QueryOf(const httplib::Request& request) {
  return {.markets = ParamValues(request, "market"),
          .categories = ParamValues(request, "category"),
          .as_of = request.get_param_value("as_of"),
          .kind = request.get_param_value("kind")};
}

void Answer(httplib::Response& response, const CatalogueAnswer& answer) {
  response.status = answer.status;
  response.set_content(answer.body, "application/json");
}

httplib::Server::HandlerResponse PreRoute(Service& service, const httplib::Request& request,
                                          httplib::Response& response) {
  request_start = Clock::now();
  if (AdmissionQueue::Refusing()) {
    SetJsonError(response, 503, "overloaded",
                 "every worker is busy and the queue is full; retry after " +
                     std::to_string(service.retry_after_seconds) + " s");
    response.set_header("Retry-After", std::to_string(service.retry_after_seconds));
    response.set_header("Connection", "close");
    return httplib::Server::HandlerResponse::Handled;
  }
  const bool admin = request.path.starts_with("/v1/admin/");
  if (admin && !service.api_keys) {
    SetJsonError(response, 403, "forbidden",
                 "admin routes need API keys: start the server with --api-keys FILE (or send "
                 "it SIGHUP to reload)");
    return httplib::Server::HandlerResponse::Handled;
  }
  if (service.api_keys && NeedsKey(request.path) &&
      !service.api_keys->Accepts(PresentedKey(request.get_header_value("Authorization"),
                                              request.get_header_value("X-API-Key")))) {
    SetJsonError(response, 401, "unauthorized",
                 "this server needs an API key: `Authorization: Bearer KEY` or `X-API-Key: KEY`");
    response.set_header("WWW-Authenticate", "Bearer");
    return httplib::Server::HandlerResponse::Handled;
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

// A JSON error body for every 4xx and 5xx that has none yet (those cpp-httplib answers
// itself: a request it cannot parse, a body over the limit, an unknown path).
void CompleteError(const httplib::Request& request, httplib::Response& response) {
  if (!response.body.empty()) return;
  if (response.status == 404) {
    if (const Route* route = FindRoute(request.path)) {
      response.status = 405;
      response.set_header("Allow", std::string(route->method));
      SetJsonError(response, 405, "method_not_allowed",
                   std::string(request.path) + " takes " + std::string(route->method) + ", not " +
                       request.method);
      return;
    }
    SetJsonError(response, 404, "not_found",
                 "no route or file at this path (see /v1/openapi.json)");
    return;
  }
  std::string message;
  switch (response.status) {
    case 400:
      message = "the request is not well-formed HTTP/1.1";
      break;
    case 413:
      message = "the request body is larger than the server's limit (--max-body)";
      break;
    case 414:
      message = "the request URI is too long";
      break;
    default:
      message = "the request could not be served (HTTP " + std::to_string(response.status) + ")";
  }
  SetJsonError(response, response.status, ErrorCodeForStatus(response.status), message);
}

void Log(Service& service, const httplib::Request& request, const httplib::Response& response) {
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - request_start);
  service.metrics.CountRequest(RouteLabel(request.path), response.status,
                               static_cast<double>(elapsed.count()) / 1e6);
  service.log.Request(request.method, request.path, response.status, response.body.size(),
                      elapsed.count(), request.remote_addr);
}

void Check(Service& service, const httplib::Request& request, httplib::Response& response) {
  const RulesetStore::Snapshot current = service.rulesets.Current();
  const CheckAnswer answer = AnswerCheck(*current.engine, service.tool_version,
                                         {.body = request.body,
                                          .content_type = request.get_header_value("Content-Type"),
                                          .markets = ParamValues(request, "market"),
                                          .as_of = request.get_param_value("as_of"),
                                          .language = request.get_param_value("lang"),
                                          .horizon = request.get_param_value("horizon"),
                                          .format = request.get_param_value("format"),
                                          .accept = request.get_header_value("Accept")},
                                         service.input_limits, request_start + service.time_limit);
  response.status = answer.status;
  response.set_content(answer.body, answer.content_type);
  if (answer.status == 200) service.metrics.CountCheck(answer.records, answer.findings);
  if (answer.status == 503) {
    response.set_header("Retry-After", std::to_string(service.retry_after_seconds));
  }
}

void Health(Service& service, httplib::Response& response) {
  const RulesetStore::Snapshot current = service.rulesets.Current();
  std::string text;
  JsonWriter json(text, JsonWriter::Style::kPretty);
  json.BeginObject();
  json.Key("status").String("ok");
  json.Key("version").String(service.tool_version);
  json.Key("generation").Int(current.generation);
  json.Key("rulesets").Int(static_cast<std::int64_t>(current.engine->program().rulesets().size()));
  json.Key("rules").Int(static_cast<std::int64_t>(current.engine->program().rules().size()));
  json.EndObject();
  response.set_content(text + '\n', "application/json");
}

// `{"reloaded", "generation", "diagnostics": [as `tradelint lint --format json`]}`; when the
// rulesets did not compile, 422 with `error` too.
void Reload(Service& service, httplib::Response& response) {
  const ReloadOutcome outcome = ReloadRulesets(service);
  std::string diagnostics;
  AppendJson(diagnostics, std::get<Value>(ParseJson(outcome.diagnostics_json)).Get("diagnostics"));
  std::string text = "{\"reloaded\": " + std::string(outcome.reloaded ? "true" : "false") +
                     ", \"generation\": " + std::to_string(outcome.generation);
  if (!outcome.reloaded) {
    response.status = 422;
    text +=
        ", \"error\": {\"code\": \"ruleset_error\", \"message\": \"the rulesets did not "
        "compile; the server keeps the rules it had (see diagnostics)\"}";
  }
  text += ", \"diagnostics\": " + diagnostics + "}\n";
  response.set_content(text, "application/json");
}

}  // namespace

ReloadOutcome ReloadRulesets(Service& service) {
  ReloadOutcome outcome = service.rulesets.Reload();
  service.metrics.CountReload(outcome.reloaded);
  service.log.Event("reload", [&](JsonWriter& json) {
    json.Key("reloaded").Bool(outcome.reloaded);
    json.Key("generation").Int(outcome.generation);
    if (!outcome.diagnostics_text.empty()) json.Key("diagnostics").String(outcome.diagnostics_text);
  });
  return outcome;
}

void InstallRoutes(httplib::Server& server, Service& service) {
  server.set_pre_routing_handler(
      [&service](const httplib::Request& request, httplib::Response& response) {
        return PreRoute(service, request, response);
      });
  server.set_error_handler(CompleteError);
  server.set_exception_handler(
      [&service](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        std::string what = "unknown";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& exception) {
          what = exception.what();
        } catch (...) {
        }
        service.log.Event("error", [&](JsonWriter& json) { json.Key("message").String(what); });
        SetJsonError(response, 500, "internal_error", "the server failed to answer: " + what);
      });
  server.set_logger([&service](const httplib::Request& request, const httplib::Response& response) {
    Log(service, request, response);
  });
  server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"}});

  server.Post("/v1/check",
              [&service](const httplib::Request& request, httplib::Response& response) {
                Check(service, request, response);
              });
  server.Get("/v1/rules", [&service](const httplib::Request& request, httplib::Response& response) {
    Answer(response, RulesAnswer(*service.rulesets.Current().engine, QueryOf(request)));
  });
  server.Get("/v1/markets", [&service](const httplib::Request&, httplib::Response& response) {
    Answer(response, MarketsAnswer(*service.rulesets.Current().engine));
  });
  server.Get("/v1/categories", [&service](const httplib::Request&, httplib::Response& response) {
    Answer(response, CategoriesAnswer(*service.rulesets.Current().engine));
  });
  server.Get(
      "/v1/fields", [&service](const httplib::Request& request, httplib::Response& response) {
        Answer(response, FieldsAnswer(*service.rulesets.Current().engine, QueryOf(request), false));
      });
  server.Get("/v1/init", [&service](const httplib::Request& request, httplib::Response& response) {
    Answer(response, FieldsAnswer(*service.rulesets.Current().engine, QueryOf(request), true));
  });
  server.Get("/v1/openapi.json", [](const httplib::Request&, httplib::Response& response) {
    const StaticAsset* openapi = FindAsset("/openapi.json");
    response.set_content(std::string(openapi->bytes), "application/json");
  });
  server.Post("/v1/admin/reload", [&service](const httplib::Request&, httplib::Response& response) {
    Reload(service, response);
  });
  server.Get("/healthz", [&service](const httplib::Request&, httplib::Response& response) {
    Health(service, response);
  });
  server.Get("/metrics", [&service](const httplib::Request&, httplib::Response& response) {
    const RulesetStore::Snapshot current = service.rulesets.Current();
    response.set_content(service.metrics.Render(current.engine.get(), current.generation),
                         "text/plain; version=0.0.4; charset=utf-8");
  });
  // The page's files: each embedded path exactly, nothing else (static_assets.h).
  for (const StaticAsset& asset : EmbeddedAssets()) {
    std::string pattern;  // a regular expression for cpp-httplib: `.` escaped
    for (char c : asset.path == "/index.html" ? std::string_view("/") : asset.path) {
      if (c == '.') pattern += '\\';
      pattern += c;
    }
    server.Get(pattern, [&asset](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(asset.bytes), std::string(AssetContentType(asset.path)));
    });
  }
}

}  // namespace tradelint::serve

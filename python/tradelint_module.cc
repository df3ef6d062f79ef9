// tradelint._tradelint: the engine for the Python package (python/tradelint/__init__.py,
// docs/python.md). The package's Python code is the public face; this module only compiles
// rulesets and judges record texts.
//
// A record is judged as `tradelint check` judges it (CheckRun::Judge, over one immutable
// Engine) and each result written by the JSON report's own writer (WriteResultJson), so the
// package's results are the report's result objects. Judging releases the GIL; an Engine is
// immutable after construction and shared by every thread that calls it.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "engine/api/engine.h"
#include "engine/input/record_reader.h"
#include "engine/json/json.h"
#include "engine/report/json_report_writer.h"
#include "engine/report/jsonl_report_writer.h"
#include "engine/report/report_writer.h"
#include "engine/report/result_json.h"
#include "plugins/builtin_plugins.h"
#include "plugins/shared_library/shared_library_plugin.h"
#include "tools/tradelint/check_run.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/record_pipeline.h"

namespace tradelint::python {
namespace {

namespace py = pybind11;
using cli::CheckRun;

// CheckRun reports through a writer; the package only uses its Judge, which writes nothing.
class NoReport : public ReportWriter {
 public:
  void Begin(const RunInfo&) override {}
  void Result(const RecordResult&) override {}
  void End(const Summary&) override {}
};

// Results and groups go to `lines`; groups also to `report`, whose `groups` they become.
class LinesAndGroups : public ReportWriter {
 public:
  LinesAndGroups(ReportWriter& lines, ReportWriter& report) : lines_(lines), report_(report) {}
  void Begin(const RunInfo&) override {}
  void Result(const RecordResult& result) override { lines_.Result(result); }
  void Group(const GroupResult& group) override {
    lines_.Group(group);
    report_.Group(group);
  }
  void End(const Summary&) override {}

 private:
  ReportWriter& lines_;
  ReportWriter& report_;
};

class CompiledEngine {
 public:
  // Compiles `rule_paths` (empty: the bundled rulesets) with the built-in plugins and the
  // plugin libraries of `plugin_paths` (--plugin); empty `reference_data` and
  // `data_directory` mean none and FindDataDirectory(). Throws ValueError when a plugin does
  // not load, and RulesetFailure with the rendered diagnostics when compilation fails.
  CompiledEngine(std::vector<std::string> rule_paths, std::string reference_data,
                 std::string data_directory, const std::vector<std::string>& plugin_paths) {
    const BuiltinPlugins builtin;
    EngineOptions options;
    options.rule_paths = std::move(rule_paths);
    options.reference_data_directory = std::move(reference_data);
    options.data_directory = std::move(data_directory);
    options.plugins = builtin.plugins();
    std::vector<std::unique_ptr<const Plugin>> loaded;
    for (const std::string& path : plugin_paths) {
      std::string error;
      loaded.push_back(LoadSharedLibraryPlugin(path, &error));
      if (loaded.back() == nullptr) throw py::value_error(error);
      options.plugins.push_back(loaded.back().get());
    }
    Diagnostics diagnostics;
    {
      py::gil_scoped_release unlocked;
      engine_ = Engine::Compile(options, diagnostics);
    }
    if (engine_ == nullptr) throw RulesetFailure(diagnostics.RenderAll());
  }

  // Thrown by the constructor; translated to tradelint.RulesetError.
  struct RulesetFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
  };

  // Judges each of `texts` (one JSON record each; its source `source_name:line`, the lines
  // numbered from `first_line`, a text of blanks skipped but counted) for `markets` (empty:
  // each record's own) at `as_of` (empty: each record's default), with the rules coming into
  // force within `horizon` months (`check --horizon`), on up to `jobs` threads, without the
  // GIL. Returns, per record, the JSON array of its result objects, in input order. Throws
  // ValueError for a market, date or horizon that is not one.
  std::vector<std::string> Judge(std::vector<std::string> texts, const std::string& source_name,
                                 std::size_t first_line, const std::vector<std::string>& markets,
                                 const std::string& as_of, const std::string& language, int jobs,
                                 std::optional<int> horizon) const {
    const CheckRun::Settings run_settings = RunSettings(markets, as_of, language, horizon);
    std::vector<std::string> judged(texts.size());
    {
      py::gil_scoped_release unlocked;
      NoReport no_report;
      const CheckRun run(*engine_, run_settings, no_report);
      std::atomic<std::size_t> next{0};
      auto work = [&] {
        for (std::size_t i = next++; i < texts.size(); i = next++) {
          judged[i] = JudgeText(run, std::move(texts[i]), source_name, first_line + i);
        }
      };
      const std::size_t threads =
          std::min<std::size_t>(static_cast<std::size_t>(std::max(jobs, 1)), texts.size());
      std::vector<std::jthread> workers;
      for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work);
      work();
    }
    std::erase(judged, std::string());
    return judged;
  }

  // Checks the records of the file `input` as `tradelint check INPUT --format jsonl` does,
  // with the same pipeline on `jobs` threads, writing the results to the file `output`.
  // Returns the JSON report `tradelint check INPUT --format json` would give, without its
  // results: the header, the groups and the summary. Throws OSError when a file cannot be
  // read or written.
  std::string CheckFile(const std::string& input, const std::string& output,
                        const std::vector<std::string>& markets, const std::string& as_of,
                        const std::string& language, int jobs, std::optional<int> horizon) const {
    const CheckRun::Settings run_settings = RunSettings(markets, as_of, language, horizon);
    std::string error;
    {
      py::gil_scoped_release unlocked;
      const std::unique_ptr<RecordReader> reader =
          OpenRecordReader(input, engine_->schema(), limits_, &error);
      if (reader != nullptr) {
        std::ofstream out(output, std::ios::binary | std::ios::trunc);
        JsonLinesReportWriter results(out);
        std::ostringstream report;
        JsonReportWriter header_and_summary(report);
        header_and_summary.Begin(
            RunInfo{TRADELINT_VERSION, engine_->program().rulesets(), engine_->reference_tables()});
        LinesAndGroups writer(results, header_and_summary);
        CheckRun run(*engine_, run_settings, writer);
        if (out) {
          cli::RunRecordPipeline(*reader, engine_->schema(), limits_, run, out, {.jobs = jobs}, {});
          run.Finish();
          out.flush();
        }
        if (!out) {
          error = "cannot write `" + output + "`: " + std::strerror(errno);
        } else {
          header_and_summary.End(run.summary());
          return report.str();
        }
      }
    }
    PyErr_SetString(PyExc_OSError, error.c_str());
    throw py::error_already_set();
  }

  // The rulesets compiled, as (id, version) pairs, in load order.
  std::vector<std::pair<std::string, std::string>> Rulesets() const {
    std::vector<std::pair<std::string, std::string>> rulesets;
    for (const RulesetInfo& info : engine_->program().rulesets()) {
      rulesets.emplace_back(info.id, info.version);
    }
    return rulesets;
  }

  const std::string& data_directory() const { return engine_->data_directory(); }

 private:
  CheckRun::Settings RunSettings(const std::vector<std::string>& markets, const std::string& as_of,
                                 const std::string& language, std::optional<int> horizon) const {
    CheckRun::Settings run;
    for (const std::string& market : markets) {
      if (engine_->markets().IsValidMarket(market)) continue;
      const std::string suggestion = engine_->markets().Suggest(market);
      throw py::value_error("`" + market + "` is not a market" +
                            (suggestion.empty() ? "" : "; did you mean `" + suggestion + "`?"));
    }
    run.markets = markets;
    if (!as_of.empty()) {
      run.as_of = Date::Parse(as_of);
      if (!run.as_of) throw py::value_error("`" + as_of + "` is not a date of the form YYYY-MM-DD");
    }
    run.language = language;
    if (horizon) {
      std::string error;
      run.horizon_months = cli::ParseHorizonMonths(std::to_string(*horizon), error);
      if (!run.horizon_months) throw py::value_error(error);
    }
    return run;
  }

  // One record's results as a JSON array; empty for a blank text (no record).
  std::string JudgeText(const CheckRun& run, std::string text, const std::string& source_name,
                        std::size_t line) const {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return {};
    UnparsedRecord unparsed;
    unparsed.record.source = source_name + ":" + std::to_string(line);
    unparsed.text = std::move(text);
    unparsed.line = line;
    ParseRecord(unparsed, engine_->schema(), limits_);
    std::string out;
    JsonWriter json(out);
    json.BeginArray();
    for (const RecordResult& result : run.Judge(unparsed.record, line - 1).results) {
      WriteResultJson(json, result);
    }
    json.EndArray();
    return out;
  }

  std::unique_ptr<const Engine> engine_;
  InputLimits limits_;
};

}  // namespace

PYBIND11_MODULE(_tradelint, module) {
  module.doc() = "The tradelint engine; use the `tradelint` package (docs/python.md).";
  py::register_exception<CompiledEngine::RulesetFailure>(module, "RulesetFailure",
                                                         PyExc_ValueError);
  py::class_<CompiledEngine>(module, "CompiledEngine")
      .def(py::init<std::vector<std::string>, std::string, std::string,
                    const std::vector<std::string>&>(),
           py::arg("rules"), py::arg("reference_data"), py::arg("data_directory"),
           py::arg("plugins"))
      .def("judge", &CompiledEngine::Judge, py::arg("texts"), py::arg("source_name"),
           py::arg("first_line"), py::arg("markets"), py::arg("as_of"), py::arg("language"),
           py::arg("jobs"), py::arg("horizon"))
      .def("check_file", &CompiledEngine::CheckFile, py::arg("input"), py::arg("output"),
           py::arg("markets"), py::arg("as_of"), py::arg("language"), py::arg("jobs"),
           py::arg("horizon"))
      .def_property_readonly("rulesets", &CompiledEngine::Rulesets)
      .def_property_readonly("data_directory", &CompiledEngine::data_directory);
}

}  // namespace tradelint::python

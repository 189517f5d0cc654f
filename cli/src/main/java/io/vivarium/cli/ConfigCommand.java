package io.vivarium.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vivarium.core.config.ConfigDocs;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium config}: prints the effective configuration. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"Print the effective configuration: defaults, then --config FILE, then key=value overrides."})
final class ConfigCommand extends VivariumCommand {
  @Option(names = "--json", description = "Print JSON instead of TOML.")
  boolean json;

  @Option(names = "--docs", description = "Print the reference of every key (Markdown) instead.")
  boolean docs;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Overrides, e.g. colony.agents=8.")
  List<String> overrides = new ArrayList<>();

  /** The redacted configuration as nested maps, section by section, for JSON. */
  private static Map<String, Map<String, Object>> nested(VivariumConfig c) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    ConfigResolver.flatten(c, true).forEach((key, value) -> {
      int dot = key.indexOf('.');
      out.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>()).put(key.substring(dot + 1), value);
    });
    return out;
  }

  @Override
  public Integer call() throws Exception {
    if (docs) {
      out().print(ConfigDocs.markdown());
      out().flush();
      return 0;
    }
    VivariumConfig c = config(overrides);
    if (json) {
      out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(nested(c)));
    } else {
      out().print(ConfigResolver.toToml(c, true));
    }
    out().flush();
    return 0;
  }
}

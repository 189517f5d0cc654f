package io.vivarium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The fp32 peak probe: positive, finite figures from both kernels and the lines it prints. */
class PeakTest {
  @Test
  void theVectorProbeMeasuresAPositiveFinitePeak() {
    assertThat(Peak.vectorAvailable()).as("the tests run with --add-modules jdk.incubator.vector").isTrue();
    Peak.Result r = Peak.measure();
    assertThat(r.vector()).isTrue();
    assertThat(r.perCore()).isPositive().isFinite();
    assertThat(r.allCores()).isPositive().isFinite();
    assertThat(r.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(r.method()).startsWith("vector ");
  }

  @Test
  void theScalarFallbackIsALowerBoundSaidSo() {
    Peak.Result r = Peak.measure(false);
    assertThat(r.vector()).isFalse();
    assertThat(r.perCore()).isPositive().isFinite();
    StringWriter s = new StringWriter();
    r.print(new PrintWriter(s));
    assertThat(s.toString()).contains("fp32_peak_method: scalar (a lower bound)", "fp32_peak_gflops_per_core: ",
        "fp32_peak_gflops: ");
  }
}

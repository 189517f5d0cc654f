package io.vivarium.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vivarium.core.Channel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brain.device=gpu}: refused in one line by the CPU build and by a {@code -Pgpu} build that
 * sees no device; on a {@code -Pgpu} build with a CUDA device, a brain computes there what it
 * computes on the CPU (skipped elsewhere: "no CUDA device").
 */
class GpuDeviceTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(2, 2, 32, 32, 0);

  @TempDir Path dir;

  @Test
  void theCpuBuildRefusesGpuSayingHowToGetIt() {
    assumeFalse(Torch.GPU_NATIVES, "this is the -Pgpu build");
    assertThatThrownBy(() -> Torch.device("gpu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("brain.device is gpu but this build carries libtorch's CPU natives only")
        .hasMessageContaining("-Pgpu")
        .hasMessageContaining("CUDA 13.1");
    assertThat(Torch.device("auto")).isEqualTo("cpu");
    assertThat(Torch.onCuda()).isFalse();
  }

  @Test
  void theGpuBuildWithoutADeviceRefusesGpuSayingSo() {
    assumeTrue(Torch.GPU_NATIVES, "the CPU build (no GPU natives)");
    assumeFalse(Torch.cudaAvailable(), "a CUDA device is present");
    assertThatThrownBy(() -> Torch.device("gpu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("brain.device is gpu but libtorch sees no CUDA device");
    assertThat(Torch.device("auto")).isEqualTo("cpu");
  }

  @Test
  void aBrainOnTheGpuComputesWhatItComputesOnTheCpu() throws Exception {
    assumeTrue(Torch.cudaAvailable(), "no CUDA device");
    BrainInput in = BrainInput.prompt(Channel.TEXT, "gpu".getBytes(StandardCharsets.US_ASCII));
    float[] onCpu;
    try (TorchBrain cpu = TorchBrain.create(SHAPE, 5)) {
      onCpu = cpu.embed(in);
    }
    try {
      assertThat(Torch.device("gpu")).isEqualTo("cuda");
      Path file = dir.resolve("gpu.brain");
      try (TorchBrain gpu = TorchBrain.create(SHAPE, 5)) {
        float[] onGpu = gpu.embed(in);
        for (int i = 0; i < onCpu.length; i++) {
          assertThat(onGpu[i]).isCloseTo(onCpu[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
        gpu.save(file);
      }
      try (TorchBrain back = TorchBrain.load(file)) {
        assertThat(back.embed(in)).hasSize(onCpu.length);
      }
    } finally {
      Torch.device("cpu");
    }
  }
}

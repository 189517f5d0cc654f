package io.vivarium.worlds.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.world.Action;
import io.vivarium.core.world.ActionNames;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Recordings;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.Worlds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenWorldTest {
  private static final ListenPreset EIGHT = ListenPreset.of("listen-8");

  @Test
  void theExpertEarnsOneAndAWrongWordZero() {
    try (ListenBatch b = new ListenBatch(EIGHT, 8, Recordings.none(), "")) {
      b.reset(3);
      for (int t = 0; t < 5; t++) {
        byte[] right = new byte[8];
        for (int i = 0; i < 8; i++) {
          right[i] = b.expertAction(i);
        }
        b.step(right);
        for (int i = 0; i < 8; i++) {
          assertThat(b.rewards()[i]).isEqualTo(1f);
          assertThat(b.terminated()[i]).isTrue();
        }
        byte[] wrong = new byte[8];
        for (int i = 0; i < 8; i++) {
          wrong[i] = ListenPreset.action((EIGHT.word(b.expertAction(i)) + 1) % 8);
        }
        b.step(wrong);
        for (int i = 0; i < 8; i++) {
          assertThat(b.rewards()[i]).isZero();
          assertThat(b.truncated()[i]).isTrue();
        }
      }
    }
  }

  @Test
  void episodesAreDeterministicPerSeedAndDifferAcrossSeeds() {
    ListenWorld a = new ListenWorld(EIGHT);
    ListenWorld b = new ListenWorld(EIGHT);
    Observation x = a.reset(42);
    Observation y = b.reset(42);
    assertThat(x.image().rgb()).isEqualTo(y.image().rgb());
    assertThat(a.word()).isEqualTo(b.word());
    boolean differs = false;
    for (long s = 0; s < 5 && !differs; s++) {
      differs = !Arrays.equals(a.reset(100 + s).image().rgb(), x.image().rgb());
    }
    assertThat(differs).isTrue();
  }

  @Test
  void heldOutCombinationsAreDisjointFromTrainingOnes() {
    int[] train = EIGHT.combinations();
    int[] held = EIGHT.heldOutTwin().combinations();
    assertThat(train.length + held.length).isEqualTo(ListenPreset.VOICES.size() * ListenPreset.SPEEDS.size());
    assertThat(Arrays.stream(train).boxed().toList()).doesNotContainAnyElementsOf(Arrays.stream(held).boxed().toList());
    Step s = stepOnce(new ListenWorld(EIGHT.heldOutTwin()), 5);
    assertThat(s.info().get("voice")).isNotEmpty();
  }

  @Test
  void namesActionsByTheirWordsAndListsPresets() {
    ListenWorld w = new ListenWorld(EIGHT);
    assertThat(w.actionName(ListenPreset.action(0))).isEqualTo("yes");
    assertThat(w.actionName(ListenPreset.action(7))).isEqualTo("go");
    assertThat(ActionNames.of(w, (byte) 'z')).isEqualTo("z");
    assertThat(Worlds.get("listen").presets()).contains("listen-4", "listen-8");
    assertThatThrownBy(() -> ListenPreset.of("listen-9")).hasMessageContaining("known presets: [listen-4");
    assertThatThrownBy(() -> w.step(Action.motor((byte) '0'))).hasMessageContaining("reset the listen world");
  }

  @Test
  void aPersonsRecordingBecomesTheNextEpisodeAndTheAnswerComesBack() {
    float[] tone = new float[8000];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 700 * i / 16_000.0));
    }
    ArrayDeque<Recordings.Recording> queue = new ArrayDeque<>();
    queue.add(new Recordings.Recording(7, "a1", tone, "bus"));
    List<String> answers = new ArrayList<>();
    Recordings people = new Recordings() {
      @Override
      public Optional<Recording> poll(String agent) {
        return agent.equals("a1") ? Optional.ofNullable(queue.poll()) : Optional.empty();
      }

      @Override
      public void answered(Recording r, String agent, String answer) {
        answers.add(r.id() + " " + agent + " " + answer);
      }
    };
    WorldContext context = WorldContext.standalone().withRecordings(people).forAgent("a1");
    try (WorldBatch b = Worlds.get("listen").batch("listen-4", 2, context)) {
      b.reset(1);
      assertThat(b.observation(0).image().rgb())
          .isEqualTo(ListenWorld.SPECTROGRAM.image(tone).rgb());
      b.step(new byte[] {ListenPreset.action(1), ListenPreset.action(0)});
      assertThat(answers).containsExactly("7 a1 no");
      assertThat(b.rewards()[0]).isZero();
    }
  }

  private static Step stepOnce(ListenWorld w, long seed) {
    w.reset(seed);
    return w.step(Action.motor(ListenPreset.action(w.word())));
  }
}

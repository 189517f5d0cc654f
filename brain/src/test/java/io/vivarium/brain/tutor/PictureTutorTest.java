package io.vivarium.brain.tutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Patches;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The patch decoder learns to mark pictures: a red pixel's patch gets its top-left pixel
 * turned blue. Intersection over union is checked by hand.
 */
class PictureTutorTest {
  private static final int P = 2;
  private static final int SIDE = 3;

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  /** A 3×3-patch picture, one patch holding a red pixel; the target marks that patch's first pixel blue. */
  static PictureExample example(int where) {
    int per = P * P * 3;
    float[] in = new float[SIDE * SIDE * per];
    int[] rows = new int[SIDE * SIDE];
    int[] cols = new int[SIDE * SIDE];
    for (int n = 0; n < rows.length; n++) {
      rows[n] = n / SIDE;
      cols[n] = n % SIDE;
    }
    in[where * per + 3 * 3] = 1f; // red in the patch's last pixel
    float[] out = in.clone();
    out[where * per + 2] = 1f; // blue in its first pixel
    return new PictureExample(new Patches(P, in, rows, cols), new Patches(P, out, rows.clone(), cols.clone()));
  }

  @Test
  void learnsToMark() {
    BrainShape shape = BrainShape.preset("tiny").with(1, 4, 32, 8, 0).withPatches(P, 4);
    try (TorchBrain brain = TorchBrain.create(shape, 3); PictureTutor tutor = new PictureTutor(brain, 1.0, 4)) {
      List<PictureExample> all = new ArrayList<>();
      for (int n = 0; n < SIDE * SIDE; n++) {
        all.add(example(n));
      }
      SplittableRandom rng = new SplittableRandom(1);
      Tutorial.Options o = new Tutorial.Options(150, 8, 3e-3, 10, 50, 1.0);
      List<Tutorial.Point> points = new ArrayList<>();
      Tutorial.run(tutor, k -> {
        List<PictureExample> b = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          b.add(all.get(rng.nextInt(all.size())));
        }
        return b;
      }, all, o, points::add);
      assertThat(points.get(2).loss()).isLessThan(points.get(0).loss());
      assertThat(points.get(2).metric()).isEqualTo("iou");
      assertThat(points.get(2).score()).isGreaterThan(0.9);
    }
  }

  @Test
  void iouCountsMarkedPixels() {
    PictureExample e = example(4);
    int per = P * P * 3;
    float[] decoded = new float[SIDE * SIDE * per];
    assertThat(PictureTutor.iou(e, decoded, 0)).isEqualTo(0.0);
    decoded[4 * per + 2] = 0.9f;
    assertThat(PictureTutor.iou(e, decoded, 0)).isEqualTo(1.0);
    decoded[0] = -0.5f;
    assertThat(PictureTutor.iou(e, decoded, 0)).isEqualTo(0.5);
    float[] none = new float[per * SIDE * SIDE];
    PictureExample same = new PictureExample(e.input(), e.input());
    assertThat(PictureTutor.iou(same, none, 0)).isEqualTo(1.0);
    assertThatThrownBy(() -> new PictureExample(e.input(), Patches.none(P)))
        .hasMessageContaining("input and target cut alike");
  }
}

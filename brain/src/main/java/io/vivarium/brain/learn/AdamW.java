package io.vivarium.brain.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.vivarium.brain.model.Weights;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW with decoupled weight decay on matrices and embeddings (rank ≥ 2) only, and global
 * gradient-norm clipping, as nanoGPT configures it. Moment estimates live in a manager of
 * their own under the weights' manager; everything temporary lives in the step's manager.
 *
 * <p>Not thread-safe: call {@link #step} from inside {@link io.vivarium.brain.TorchBrain#update}.
 */
public final class AdamW implements AutoCloseable {
  private final Weights weights;
  private final NDManager state;
  private final List<NDArray> params = new ArrayList<>();
  private final List<NDArray> first = new ArrayList<>();
  private final List<NDArray> second = new ArrayList<>();
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private int t;

  /** An optimizer for all of {@code weights}. */
  public AdamW(Weights weights, double beta1, double beta2, double eps, double weightDecay) {
    this.weights = weights;
    this.state = weights.manager().newSubManager();
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    for (NDArray p : weights.all().values()) {
      params.add(p);
      first.add(state.zeros(p.getShape()));
      second.add(state.zeros(p.getShape()));
    }
  }

  /**
   * Applies one update from the gradients of the last backward pass, then zeroes them.
   *
   * @param step the step's manager; every temporary array is attached to it
   * @param lr the learning rate for this step
   * @param clip the largest allowed global gradient norm (0 = no clipping)
   * @return the gradient norm before clipping
   */
  public float step(NDManager step, double lr, double clip) {
    t++;
    List<NDArray> grads = new ArrayList<>(params.size());
    NDList norms = new NDList();
    for (NDArray p : params) {
      NDArray g = local(step, p.getGradient());
      grads.add(g);
      norms.add(g.norm());
    }
    float norm = (float) Math.sqrt(NDArrays.stack(norms).square().sum().getFloat());
    float scale = clip > 0 && norm > clip ? (float) (clip / (norm + 1e-6)) : 1f;
    // The engine's fused update computes p -= c·m / (sqrt(v) + e); with
    // c = lr·sqrt(1 - β2^t) / (1 - β1^t) and e = ε·sqrt(1 - β2^t) this is exactly AdamW's
    // p -= lr · m̂ / (sqrt(v̂) + ε). Decoupled decay p -= lr·wd·p comes first.
    double root2 = Math.sqrt(1 - Math.pow(beta2, t));
    float c = (float) (lr * root2 / (1 - Math.pow(beta1, t)));
    float e = (float) (eps * root2);
    for (int i = 0; i < params.size(); i++) {
      NDArray p = params.get(i);
      NDArray g = grads.get(i);
      float wd = p.getShape().dimension() >= 2 ? (float) weightDecay : 0f;
      // one native call per parameter: clip-scale, decay, moments, update; then zero the grad
      g.getNDArrayInternal().adamUpdate(
          new NDList(p, g, first.get(i), second.get(i)), new NDList(p), (float) lr, c, wd,
          scale, -1f, (float) beta1, (float) beta2, e, false, true);
    }
    return norm;
  }

  private static NDArray local(NDManager step, NDArray a) {
    a.attach(step);
    return a;
  }

  /** Number of updates applied so far. */
  public int steps() {
    return t;
  }

  /** The weights this optimizer updates. */
  public Weights weights() {
    return weights;
  }

  @Override
  public void close() {
    state.close();
  }
}

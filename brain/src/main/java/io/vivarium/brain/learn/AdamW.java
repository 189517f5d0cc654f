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
    NDList squares = new NDList();
    for (NDArray p : params) {
      NDArray g = local(step, p.getGradient());
      grads.add(g);
      squares.add(g.square().sum());
    }
    float norm = (float) Math.sqrt(NDArrays.stack(squares).sum().getFloat());
    float scale = clip > 0 && norm > clip ? (float) (clip / (norm + 1e-6)) : 1f;
    double correction1 = 1 - Math.pow(beta1, t);
    double root2 = Math.sqrt(1 - Math.pow(beta2, t));
    for (int i = 0; i < params.size(); i++) {
      NDArray p = params.get(i);
      NDArray g = scale == 1f ? grads.get(i) : grads.get(i).mul(scale);
      NDArray m = first.get(i);
      NDArray v = second.get(i);
      m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
      v.muli((float) beta2).addi(g.mul(g).muli((float) (1 - beta2)));
      if (weightDecay > 0 && p.getShape().dimension() >= 2) {
        p.muli((float) (1 - lr * weightDecay));
      }
      NDArray denom = local(step, v.sqrt()).divi((float) root2).addi((float) eps);
      p.subi(local(step, m.div(denom)).muli((float) (lr / correction1)));
      grads.get(i).muli(0f);
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

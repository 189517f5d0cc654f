package probe;

/**
 * One workload's shape: the model, the batch and whether it is a PPO update or an LM step.
 * Immutable, so safe to share between threads.
 *
 * @param work "ppo" (tiny brain, prefix fully attended, policy and value at the last position)
 *     or "lm" (nanoGPT's CPU configuration: causal, next-token loss at every position)
 * @param layers transformer blocks
 * @param heads attention heads
 * @param dim model width
 * @param vocab token vocabulary (the head is tied to the embedding)
 * @param tokens sequence length T
 * @param batch sequences per step B
 */
record Spec(String work, int layers, int heads, int dim, int vocab, int tokens, int batch) {

  Spec {
    if (!work.equals("ppo") && !work.equals("lm")) {
      throw new IllegalArgumentException("work must be ppo or lm, got '" + work + "'");
    }
    if (layers < 1 || heads < 1 || dim % heads != 0 || vocab < 2 || tokens < 1 || batch < 1) {
      throw new IllegalArgumentException("bad shape " + layers + "/" + heads + "/" + dim + "/"
          + vocab + "/" + tokens + "/" + batch + ": need dim divisible by heads, all positive");
    }
  }

  /** The `tiny` brain's PPO minibatch (as ppo_step_bench.py): 3 layers, 4 heads, dim 48, V 270. */
  static Spec ppo(int tokens) {
    return new Spec("ppo", 3, 4, 48, 270, tokens, 64);
  }

  /** nanoGPT's CPU configuration (shakespeare_char): 4 layers, 4 heads, dim 128, block 64, B 12. */
  static Spec lm(int vocab) {
    return new Spec("lm", 4, 4, 128, vocab, 64, 12);
  }

  boolean causal() {
    return work.equals("lm");
  }

  /** Parameter count: embeddings, blocks with biases, final norm, value head (PPO only). */
  long params() {
    long d = dim;
    long block = 4 * d + (d * 3 * d + 3 * d) + (d * d + d) + (d * 4 * d + 4 * d) + (4 * d * d + d);
    long value = work.equals("ppo") ? d + 1 : 0;
    return (long) vocab * d + (long) tokens * d + layers * block + 2 * d + value;
  }

  /** FLOPs of one step: 6·params·tokens plus attention's 12·layers·T²·dim per sequence. */
  double flops() {
    double tokensPerStep = (double) batch * tokens;
    double attention = 12.0 * layers * tokens * (double) tokens * dim * batch;
    return 6.0 * params() * tokensPerStep + attention;
  }

  String label() {
    return work + " T=" + tokens + " B=" + batch + " L=" + layers + " D=" + dim + " V=" + vocab;
  }
}

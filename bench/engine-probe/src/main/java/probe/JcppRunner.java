package probe;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.AdamW;
import org.bytedeco.pytorch.AdamWOptions;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The update on JavaCPP's PyTorch preset (libtorch's C++ API): bf16 is CPU autocast (bf16
 * matmuls, fp32 master weights and residual stream), grad mode and autocast are libtorch's
 * thread-local state. Not thread-safe: build and step it on one thread.
 */
final class JcppRunner implements Runner {

  private final Spec s;
  private final boolean bf16;
  private final boolean sdpa;
  private final List<Tensor> params = new ArrayList<>();
  private final TensorVector all;
  private final AdamW opt;
  private final Tensor tok;
  private final Tensor pos;
  private final Tensor mask;

  JcppRunner(Spec s, boolean bf16, boolean sdpa, int threads) {
    this.s = s;
    this.bf16 = bf16;
    this.sdpa = sdpa;
    Natives.prepare();
    torch.set_num_threads(threads);
    // libtorch's fp32 matmuls go to OpenBLAS, whose own thread pool ignores set_num_threads;
    // -Dprobe.blas.threads=N overrides (default: the intra-op count)
    int blas = Integer.getInteger("probe.blas.threads", threads);
    org.bytedeco.openblas.global.openblas_full.openblas_set_num_threads(blas);
    torch.manual_seed(0);
    int d = s.dim();
    tok = w(s.vocab(), d);
    pos = w(s.tokens(), d);
    for (int i = 0; i < s.layers(); i++) {
      one(d); zero(d); w(3 * d, d); zero(3 * d); w(d, d); zero(d);
      one(d); zero(d); w(4 * d, d); zero(4 * d); w(d, 4 * d); zero(d);
    }
    one(d); zero(d);
    if (s.work().equals("ppo")) {
      w(1, d); zero(1);
    }
    all = new TensorVector(params.toArray(new Tensor[0]));
    AdamWOptions o = new AdamWOptions(3e-4);
    o.weight_decay().put(0.01);
    opt = new AdamW(all, o);
    mask = torch.ones(s.tokens(), s.tokens()).triu(1).mul(new Scalar(-1e9));
  }

  private Tensor keep(Tensor t) {
    t.requires_grad_(true);
    params.add(t);
    return t;
  }

  private Tensor w(long rows, long cols) {
    return keep(torch.randn(rows, cols).mul(new Scalar(0.02)));
  }

  private Tensor zero(long n) {
    return keep(torch.zeros(n));
  }

  private Tensor one(long n) {
    return keep(torch.ones(n));
  }

  @Override
  public float step() {
    try (PointerScope scope = new PointerScope()) {
      if (bf16) {
        torch.set_autocast_dtype(torch.DeviceType.CPU, torch.ScalarType.BFloat16);
        torch.set_autocast_enabled(torch.DeviceType.CPU, true);
      }
      Tensor loss;
      try {
        loss = s.work().equals("ppo") ? ppoLoss() : lmLoss();
      } finally {
        if (bf16) {
          torch.set_autocast_enabled(torch.DeviceType.CPU, false);
          torch.clear_cache();
        }
      }
      loss.backward();
      torch.clip_grad_norm_(all, 0.5);
      opt.step();
      opt.zero_grad(true);
      return loss.item_float();
    }
  }

  private Tensor ppoLoss() {
    long b = s.batch();
    Tensor ids = torch.randint(0, Math.min(256, s.vocab()), new long[] {b, s.tokens()});
    Tensor actions = torch.randint(0, 3, new long[] {b, 1});
    Tensor adv = torch.randn(b);
    Tensor ret = torch.randn(b);
    Tensor last = hidden(ids).select(1, s.tokens() - 1); // (B, D)
    Tensor logits = torch.linear(last, tok).to(torch.ScalarType.Float);
    Tensor logpAll = logits.log_softmax(-1);
    Tensor logp = logpAll.gather(1, actions).squeeze(1);
    Tensor ratio = logp.add(new Scalar(1.1)).exp(); // old log-prob -1.1
    Tensor clipped = ratio.clamp(opt(0.8), opt(1.2)).mul(adv);
    Tensor pg = torch.minimum(ratio.mul(adv), clipped).mean().neg();
    int n = params.size();
    Tensor values = torch.linear(last, params.get(n - 2), new TensorOptional(params.get(n - 1)))
        .to(torch.ScalarType.Float).squeeze(1);
    Tensor vl = values.sub(ret).square().mean().mul(new Scalar(0.5));
    Tensor ent = logpAll.exp().mul(logpAll).sum(-1).mean().neg();
    return pg.add(vl.mul(new Scalar(0.5))).sub(ent.mul(new Scalar(0.01)));
  }

  private Tensor lmLoss() {
    long b = s.batch();
    long t = s.tokens();
    Tensor ids = torch.randint(0, s.vocab(), new long[] {b, t});
    Tensor targets = torch.randint(0, s.vocab(), new long[] {b * t, 1});
    Tensor logits = torch.linear(hidden(ids).reshape(b * t, s.dim()), tok)
        .to(torch.ScalarType.Float);
    return logits.log_softmax(-1).gather(1, targets).mean().neg();
  }

  private static ScalarOptional opt(double v) {
    return new ScalarOptional(new Scalar(v));
  }

  private Tensor norm(Tensor x, int at) {
    return torch.layer_norm(x, new long[] {s.dim()}, new TensorOptional(params.get(at)),
        new TensorOptional(params.get(at + 1)), 1e-5, false);
  }

  private Tensor linear(Tensor x, int at) {
    return torch.linear(x, params.get(at), new TensorOptional(params.get(at + 1)));
  }

  /** Final-normed hidden states (B, T, D); parameters are read by their index in `params`. */
  private Tensor hidden(Tensor ids) {
    long b = s.batch();
    long t = s.tokens();
    int d = s.dim();
    int h = s.heads();
    Tensor x = torch.embedding(tok, ids).add(pos);
    for (int i = 0; i < s.layers(); i++) {
      int at = 2 + 12 * i;
      Tensor qkv = linear(norm(x, at), at + 2).view(b, t, 3, h, d / h).permute(2, 0, 3, 1, 4);
      Tensor q = qkv.select(0, 0);
      Tensor k = qkv.select(0, 1);
      Tensor v = qkv.select(0, 2);
      Tensor y;
      if (sdpa) {
        y = torch.scaled_dot_product_attention(q, k, v, new TensorOptional(), 0.0, s.causal(),
            new DoubleOptional(), false);
      } else {
        Tensor att = q.matmul(k.transpose(-2, -1)).mul(new Scalar(1.0 / Math.sqrt(d / h)));
        if (s.causal()) {
          att = att.add(mask);
        }
        y = att.softmax(-1).matmul(v);
      }
      x = x.add(linear(y.transpose(1, 2).reshape(b, t, d), at + 4));
      x = x.add(linear(torch.gelu(linear(norm(x, at + 6), at + 8)), at + 10));
    }
    return norm(x, 2 + 12 * s.layers());
  }

  /** Whether autocast really computes a linear in bf16 on this thread (a one-off check). */
  static String autocastCheck() {
    Natives.prepare();
    try (PointerScope scope = new PointerScope()) {
      torch.set_autocast_dtype(torch.DeviceType.CPU, torch.ScalarType.BFloat16);
      torch.set_autocast_enabled(torch.DeviceType.CPU, true);
      Tensor y = torch.linear(torch.randn(4, 8), torch.randn(3, 8));
      torch.set_autocast_enabled(torch.DeviceType.CPU, false);
      torch.clear_cache();
      return y.scalar_type().toString();
    }
  }

  @Override
  public void close() {
    // parameters and optimiser state live until the JVM exits; the probe makes few runners
  }
}

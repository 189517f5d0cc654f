#!/usr/bin/env python3
"""A Vivarium brain in PyTorch: loads a brain exported with
`vivarium export-brain AGENT|BRAIN_FILE --format safetensors --out FILE`, rebuilds the network
from the file's metadata and runs the same forward pass as the Java brain (docs/brain.md):
token (or grouped tokens' projected) + channel + position embeddings, image patches with learned
row and column embeddings, pre-LayerNorm blocks of prefix-LM masked attention and an erf-GELU MLP,
a final LayerNorm, next-token logits tied to the token embedding and the value head.

Needs numpy and PyTorch only (Debian 12: python3-numpy python3-torch); the safetensors format
is parsed with json + numpy.frombuffer.

  python3 scripts/vivarium_brain.py tiny.safetensors --bytes "hello"        # top-10 next bytes
  python3 scripts/vivarium_brain.py tiny.safetensors --info                 # the metadata
  python3 scripts/vivarium_brain.py tiny.safetensors --json in.json         # JSON in, JSON out

As a module:

  from vivarium_brain import load, prompt, forward, save
  brain = load("tiny.safetensors")                 # a torch.nn.Module
  out = forward(brain, prompt(brain, b"hello"))    # {"logits": (S, V), "values": (S,)}
  save(brain, "trained.safetensors")               # back to 'vivarium import-brain'

--json reads {"inputs": [{"tokens": [...], "channels": [...], "prefix": P,
"patches": {"values": [...], "rows": [...], "cols": [...]}}]} (patches optional; tokens and
channels one per token, as Java's BrainInput) and prints {"outputs": [{"logits": [[...] per
position], "values": [...]}]}, positions being the patches then the token positions.
"""
import argparse
import json
import math
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F

FORMAT = "vivarium-brain"
VERSION = "1"
SHAPE_KEYS = ["layers", "heads", "dim", "block", "patch", "grid", "dropout", "vocab", "channels",
              "group", "headDim", "mlp"]
DTYPES = {"F32": "<f4"}


def read_safetensors(path):
    """(header dict without __metadata__, metadata dict, {name: numpy float32 array})."""
    with open(path, "rb") as f:
        raw = f.read()
    if len(raw) < 8:
        raise ValueError(f"{path} is not a safetensors file (shorter than 8 bytes)")
    (n,) = struct.unpack("<Q", raw[:8])
    if n > len(raw) - 8:
        raise ValueError(f"{path} is not a safetensors file (its header claims {n} bytes)")
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    data = memoryview(raw)[8 + n:]
    tensors = {}
    for name, t in header.items():
        if t["dtype"] not in DTYPES:
            raise ValueError(f"{path}: tensor {name} has dtype {t['dtype']}; a Vivarium brain is F32")
        begin, end = t["data_offsets"]
        a = np.frombuffer(data[begin:end], dtype=DTYPES[t["dtype"]]).reshape(t["shape"])
        tensors[name] = a.astype(np.float32)  # a native-endian copy
    return header, meta, tensors


def layout(cfg):
    """Tensor names and shapes in file order, as docs/brain.md and Java's Weights.layout give them."""
    c, a, f, p3 = cfg["dim"], cfg["heads"] * cfg["headDim"], cfg["mlp"], cfg["patch"] ** 2 * 3
    m = [("tok", (cfg["vocab"], c)), ("chan", (cfg["channels"], c)), ("pos", (cfg["block"], c)),
         ("patch.w", (c, p3)), ("patch.b", (c,)), ("patch.row", (cfg["grid"], c)), ("patch.col", (cfg["grid"], c))]
    for i in range(cfg["layers"]):
        h = f"h{i}."
        m += [(h + "ln1.g", (c,)), (h + "ln1.b", (c,)), (h + "attn.w", (3 * a, c)), (h + "attn.b", (3 * a,)),
              (h + "proj.w", (c, a)), (h + "proj.b", (c,)), (h + "ln2.g", (c,)), (h + "ln2.b", (c,)),
              (h + "fc.w", (f, c)), (h + "fc.b", (f,)), (h + "out.w", (c, f)), (h + "out.b", (c,))]
    m += [("lnf.g", (c,)), ("lnf.b", (c,)), ("value.w", (1, c)), ("value.b", (1,)),
          ("unpatch.w", (p3, c)), ("unpatch.b", (p3,))]
    if cfg["group"] > 1:
        m.append(("group.w", (c, cfg["group"] * c)))
    return m


class VivariumBrain(torch.nn.Module):
    """The brain's parameters under their file names (`brain["h0.attn.w"]`) and its configuration."""

    def __init__(self, meta, tensors):
        super().__init__()
        if meta.get("format") != FORMAT or meta.get("format_version") != VERSION:
            raise ValueError(f"not a {FORMAT} version {VERSION} file: its metadata says "
                             f"{meta.get('format')!r} {meta.get('format_version')!r}")
        self.meta = dict(meta)
        self.cfg = {k: (float(meta[k]) if k == "dropout" else int(meta[k])) for k in SHAPE_KEYS}
        self.eps = float(meta.get("layer_norm_eps", "1e-05"))
        self.video = meta["channel_names"].split(",").index("video")
        self.marker = int(meta["token.first_channel_marker"])
        self.pad = int(meta["token.pad"])
        self.params = torch.nn.ParameterDict()
        expected = layout(self.cfg)
        unknown = set(tensors) - {n for n, _ in expected}
        if unknown:
            raise ValueError(f"unknown tensors {sorted(unknown)}")
        for name, shape in expected:
            if name not in tensors:
                raise ValueError(f"tensor {name} is missing; expected shape {list(shape)}")
            if tuple(tensors[name].shape) != shape:
                raise ValueError(f"tensor {name} has shape {list(tensors[name].shape)}, expected {list(shape)}")
            self.params[name.replace(".", "_")] = torch.nn.Parameter(torch.from_numpy(tensors[name].copy()))

    def __getitem__(self, name):
        return self.params[name.replace(".", "_")]

    def names(self):
        return [n for n, _ in layout(self.cfg)]


def load(path):
    """The brain in `path` (a safetensors file from 'vivarium export-brain') as a VivariumBrain."""
    _, meta, tensors = read_safetensors(path)
    return VivariumBrain(meta, tensors)


def save(brain, path):
    """Writes `brain` (its current parameters and metadata) as a safetensors file Vivarium imports."""
    header, blobs, offset = {}, [], 0
    for name in brain.names():
        a = brain[name].detach().to(torch.float32).cpu().numpy().astype("<f4")
        b = a.tobytes()
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    header["__metadata__"] = {k: str(v) for k, v in brain.meta.items()}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    tmp = f"{path}.tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text)
        for b in blobs:
            f.write(b)
    import os
    os.replace(tmp, path)


def prompt(brain, data, channel="text"):
    """Java's BrainInput.prompt: <marker> b0 b1 ..., all prefix; a grouped brain's groups padded with <pad>."""
    names = brain.meta["channel_names"].split(",")
    if channel not in names:
        raise ValueError(f"--channel must be one of {', '.join(names)}; got {channel!r}")
    c = names.index(channel)
    tokens = [brain.marker + c] + list(data)
    g = brain.cfg["group"]
    tokens += [brain.pad] * (-len(tokens) % g)
    return {"tokens": tokens, "channels": [c] * len(tokens), "prefix": len(tokens)}


def layer_norm(x, brain, name):
    return F.layer_norm(x, (x.shape[-1],), brain[name + ".g"], brain[name + ".b"], brain.eps)


def embed(brain, inp):
    """The input sequence (S, C): patches first, then the token positions."""
    cfg, g = brain.cfg, brain.cfg["group"]
    tokens = torch.tensor(inp["tokens"], dtype=torch.long)
    t = len(inp["tokens"]) // g
    tok = F.embedding(tokens, brain["tok"])  # (T·G, C)
    if g > 1:  # a position's G embeddings side by side, projected to one position
        tok = F.linear(tok.reshape(t, g * cfg["dim"]), brain["group.w"])  # (T, C)
    channels = torch.tensor(inp["channels"][::g], dtype=torch.long)  # a group's channel is its first token's
    x = tok + F.embedding(channels, brain["chan"]) + brain["pos"][:t]  # (T, C)
    patches = inp.get("patches") or {}
    if not patches.get("rows"):
        return x
    p3 = cfg["patch"] ** 2 * 3
    values = torch.tensor(patches["values"], dtype=torch.float32).reshape(-1, p3)  # (N, P·P·3)
    rows = torch.tensor(patches["rows"], dtype=torch.long)
    cols = torch.tensor(patches["cols"], dtype=torch.long)
    p = (F.linear(values, brain["patch.w"], brain["patch.b"]) + F.embedding(rows, brain["patch.row"])
         + F.embedding(cols, brain["patch.col"]) + brain["chan"][brain.video])  # (N, C)
    return torch.cat([p, x], 0)  # (S, C)


def prefix_mask(s, prefix):
    """(S, S) additive mask: position i sees j when j <= i or j is in the prefix (patches included)."""
    i = torch.arange(s).unsqueeze(1)
    j = torch.arange(s).unsqueeze(0)
    allowed = (j <= i) | (j < prefix)
    return torch.zeros(s, s).masked_fill(~allowed, float("-inf"))


def block(brain, i, x, mask):
    cfg = brain.cfg
    s, h, d = x.shape[0], cfg["heads"], cfg["headDim"]
    name = f"h{i}."
    a = layer_norm(x, brain, name + "ln1")
    qkv = F.linear(a, brain[name + "attn.w"], brain[name + "attn.b"])  # (S, 3A), rows (3, H, D)
    q, k, v = qkv.reshape(s, 3, h, d).permute(1, 2, 0, 3)  # each (H, S, D)
    att = (q * (1 / math.sqrt(d))) @ k.transpose(1, 2) + mask  # (H, S, S)
    y = (att.softmax(-1) @ v).transpose(0, 1).reshape(s, h * d)  # (S, A)
    x = x + F.linear(y, brain[name + "proj.w"], brain[name + "proj.b"])
    m = F.gelu(F.linear(layer_norm(x, brain, name + "ln2"), brain[name + "fc.w"], brain[name + "fc.b"]))  # exact erf
    return x + F.linear(m, brain[name + "out.w"], brain[name + "out.b"])


def forward(brain, inp):
    """{"logits": (S, V), "values": (S,), "hidden": (S, C)} for one input (a dict as --json reads)."""
    g = brain.cfg["group"]
    for key in ("tokens", "channels"):
        if not isinstance(inp.get(key), list):
            raise ValueError(f"an input needs '{key}', a list (one channel id per token); got {inp.get(key)!r}")
    if len(inp["tokens"]) % g or len(inp["channels"]) != len(inp["tokens"]):
        raise ValueError(f"an input needs whole groups of {g} tokens and one channel per token")
    x = embed(brain, inp)
    n = x.shape[0] - len(inp["tokens"]) // g
    mask = prefix_mask(x.shape[0], n + inp.get("prefix", 0) // g)
    for i in range(brain.cfg["layers"]):
        x = block(brain, i, x, mask)
    hidden = layer_norm(x, brain, "lnf")  # (S, C)
    logits = F.linear(hidden, brain["tok"])  # (S, V), tied to the token embedding
    values = F.linear(hidden, brain["value.w"], brain["value.b"]).squeeze(-1)  # (S,)
    return {"logits": logits, "values": values, "hidden": hidden}


def next_token_probabilities(brain, logits):
    """Java's sampler at temperature 1: softmax over the bytes and <eos> only (other tokens get 0)."""
    sampleable = torch.zeros_like(logits, dtype=torch.bool)
    sampleable[:256] = True
    sampleable[int(brain.meta["token.eos"])] = True
    return logits.masked_fill(~sampleable, float("-inf")).softmax(-1)


def token_name(brain, t):
    if t < 256:
        return repr(chr(t)) if 0x20 <= t < 0x7F else f"0x{t:02x}"
    names = {int(brain.meta["token.pad"]): "<pad>", int(brain.meta["token.bos"]): "<bos>",
             int(brain.meta["token.eos"]): "<eos>", int(brain.meta["token.sep"]): "<sep>"}
    if t in names:
        return names[t]
    return "<" + brain.meta["channel_names"].split(",")[t - brain.marker] + ">"


def main(argv=None):
    ap = argparse.ArgumentParser(description="Run a Vivarium brain (safetensors) in PyTorch.")
    ap.add_argument("file", help="a .safetensors file from 'vivarium export-brain'")
    ap.add_argument("--bytes", help="a prompt: prints the value and the next-byte distribution after <marker> BYTES")
    ap.add_argument("--channel", default="text", help="the prompt's channel (default: text)")
    ap.add_argument("--top", type=int, default=10, help="how many tokens to print (default: 10)")
    ap.add_argument("--json", metavar="IN", help="inputs as JSON ('-' for stdin); prints logits and values as JSON")
    ap.add_argument("--info", action="store_true", help="print the metadata")
    args = ap.parse_args(argv)
    if not (args.info or args.json or args.bytes is not None):
        ap.error("give --bytes TEXT, --json IN or --info")
    try:
        brain = load(args.file)
    except (OSError, ValueError, KeyError) as e:
        sys.exit(f"vivarium_brain: {args.file}: {e}")
    torch.set_grad_enabled(False)
    try:
        if args.info:
            for k, v in brain.meta.items():
                print(f"{k}: {v}")
        if args.json:
            text = sys.stdin.read() if args.json == "-" else open(args.json, encoding="utf-8").read()
            outs = []
            for inp in json.loads(text)["inputs"]:
                o = forward(brain, inp)
                outs.append({"logits": o["logits"].tolist(), "values": o["values"].tolist()})
            json.dump({"outputs": outs}, sys.stdout)
            print()
        if args.bytes is not None:
            o = forward(brain, prompt(brain, args.bytes.encode("utf-8"), args.channel))
            p = next_token_probabilities(brain, o["logits"][-1])
            print(f"value {o['values'][-1].item():.4f}; next byte (or <eos>) after {args.bytes!r} on {args.channel}:")
            top = torch.topk(p, min(args.top, p.shape[0]))
            for prob, t in zip(top.values.tolist(), top.indices.tolist()):
                print(f"  {token_name(brain, t):>8}  {prob:.4f}")
    except (OSError, ValueError, KeyError, IndexError) as e:
        sys.exit(f"vivarium_brain: {e}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""A GPT-2 forward pass written from the formulas, to check the Java model against.

It reads a Hugging Face GPT-2 checkpoint folder (config.json, model.safetensors and, for token
texts, tokenizer.json) such as Gpt2Checkpoint.export writes, and needs only PyTorch: no
transformers, no safetensors package. It computes in float64 by default, so that its numbers
are as close to the exact mathematics as a computer gets.

    gpt2_reference.py logits   MODEL_DIR --ids 3,17,0,39
        one line per position: the logits over the vocabulary, separated by spaces
    gpt2_reference.py logprobs MODEL_DIR --ids 3,17,0,39
        the per-token table of `finetune score`: position, token_id, token, log_prob, loss.
        As there, the text is preceded by <|endoftext|>, so that the first token is predicted too.
        Take the ids from the token_id column of `finetune score` to compare the two.
"""
import argparse
import json
import math
import os
import struct
import sys

import torch

PREFIX = "transformer."
DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
          "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8,
          "U8": torch.uint8, "BOOL": torch.bool}


def read_safetensors(path):
    """name -> tensor. The format: 8-byte little-endian header length, a JSON header, raw little-endian data."""
    with open(path, "rb") as f:
        (header_length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(header_length))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        raw = bytearray(data[begin:end])
        flat = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"])
    return tensors


def load_weights(folder, dtype):
    """GPT-2's parameters without the 'transformer.' prefix; the attention-mask buffers are left out."""
    weights = {}
    for name, tensor in read_safetensors(os.path.join(folder, "model.safetensors")).items():
        name = name[len(PREFIX):] if name.startswith(PREFIX) else name
        if name.endswith(".attn.bias") or name.endswith(".attn.masked_bias"):
            continue  # a constant causal mask, rebuilt below
        weights[name] = tensor.to(dtype)
    return weights


def layer_norm(x, weight, bias, eps):
    mean = x.mean(dim=-1, keepdim=True)
    variance = ((x - mean) ** 2).mean(dim=-1, keepdim=True)  # the biased variance, as LayerNorm uses
    return (x - mean) / torch.sqrt(variance + eps) * weight + bias


def gelu_tanh(x):
    """GPT-2's GELU ('gelu_new'): 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))."""
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def gelu_exact(x):
    """GELU ('gelu'): x times the standard normal CDF, 0.5 x (1 + erf(x / sqrt 2))."""
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


ACTIVATIONS = {"gelu_new": gelu_tanh, "gelu_pytorch_tanh": gelu_tanh, "gelu": gelu_exact}


def attention(x, w, prefix, n_head):
    """Causal multi-head self-attention on x (T, D): each position mixes itself and earlier positions."""
    t, d = x.shape
    head_size = d // n_head
    qkv = x @ w[prefix + "c_attn.weight"] + w[prefix + "c_attn.bias"]  # Conv1D layout: x (T, D) @ W (D, 3D)
    q, k, v = qkv.split(d, dim=-1)
    q, k, v = (m.reshape(t, n_head, head_size).transpose(0, 1) for m in (q, k, v))  # (H, T, hs)
    scores = q @ k.transpose(-1, -2) / math.sqrt(head_size)  # (H, T, T)
    future = torch.ones(t, t, dtype=torch.bool).triu(diagonal=1)  # key j > query i
    scores = scores.masked_fill(future, float("-inf"))
    y = torch.softmax(scores, dim=-1) @ v  # (H, T, hs)
    y = y.transpose(0, 1).reshape(t, d)
    return y @ w[prefix + "c_proj.weight"] + w[prefix + "c_proj.bias"]


def forward(config, w, ids):
    """Logits (T, V) for one sequence of token ids."""
    eps = config.get("layer_norm_epsilon") or 1e-5
    activation = ACTIVATIONS[config.get("activation_function") or "gelu_new"]
    n_head = config["n_head"]
    positions = torch.arange(len(ids))
    x = w["wte.weight"][torch.tensor(ids)] + w["wpe.weight"][positions]
    for i in range(config["n_layer"]):
        h = "h.%d." % i
        x = x + attention(layer_norm(x, w[h + "ln_1.weight"], w[h + "ln_1.bias"], eps), w, h + "attn.", n_head)
        hidden = layer_norm(x, w[h + "ln_2.weight"], w[h + "ln_2.bias"], eps)
        hidden = activation(hidden @ w[h + "mlp.c_fc.weight"] + w[h + "mlp.c_fc.bias"])
        x = x + hidden @ w[h + "mlp.c_proj.weight"] + w[h + "mlp.c_proj.bias"]
    x = layer_norm(x, w["ln_f.weight"], w["ln_f.bias"], eps)
    tied = config.get("tie_word_embeddings", True)
    head = w["wte.weight"] if tied or "lm_head.weight" not in w else w["lm_head.weight"]
    return x @ head.T


def byte_decoder():
    """GPT-2's byte-level tokens spell each byte as one printable character; this maps them back."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) \
        + list(range(ord("®"), ord("ÿ") + 1))
    table, extra = {}, 0
    for b in range(256):
        if b in printable:
            table[chr(b)] = b
        else:
            table[chr(256 + extra)] = b
            extra += 1
    return table


class TokenTexts:
    """id -> text of that token alone, read from tokenizer.json (byte-level BPE, as GPT-2's)."""

    def __init__(self, folder):
        with open(os.path.join(folder, "tokenizer.json"), encoding="utf-8") as f:
            data = json.load(f)
        self.tokens = {i: t for t, i in data["model"]["vocab"].items()}
        self.special = {a["content"]: a["id"] for a in data.get("added_tokens", [])}
        self.tokens.update({i: t for t, i in self.special.items()})
        self.bytes_of = byte_decoder()

    def end_of_text(self):
        if "<|endoftext|>" not in self.special:
            sys.exit("tokenizer.json has no <|endoftext|> token; give the id to start with as --bos ID")
        return self.special["<|endoftext|>"]

    def text(self, token_id):
        token = self.tokens[token_id]
        if token in self.special:
            return token
        return bytes(self.bytes_of[c] for c in token).decode("utf-8", errors="replace")


def printable(text):
    """The same quoting as `finetune score`."""
    return "'" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + "'"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["logits", "logprobs"])
    parser.add_argument("model", help="folder with config.json, model.safetensors (and tokenizer.json)")
    parser.add_argument("--ids", required=True, help="token ids separated by commas or spaces")
    parser.add_argument("--bos", type=int, help="logprobs: the id put in front (default: <|endoftext|>)")
    parser.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    args = parser.parse_args()

    ids = [int(s) for s in args.ids.replace(",", " ").split()]
    if not ids:
        sys.exit("--ids holds no token ids")
    with open(os.path.join(args.model, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    activation = config.get("activation_function") or "gelu_new"
    if activation not in ACTIVATIONS:
        sys.exit("config.json: activation_function %r is not one of %s" % (activation, sorted(ACTIVATIONS)))
    weights = load_weights(args.model, getattr(torch, args.dtype))
    out = sys.stdout

    if args.mode == "logits":
        if len(ids) > config["n_positions"]:
            sys.exit("%d ids, but the model reads at most n_positions=%d" % (len(ids), config["n_positions"]))
        with torch.no_grad():
            logits = forward(config, weights, ids)
        for row in logits.tolist():
            out.write(" ".join("%.9g" % v for v in row) + "\n")
        return

    texts = TokenTexts(args.model)
    bos = args.bos if args.bos is not None else texts.end_of_text()
    inputs = [bos] + ids[:-1]  # position i predicts ids[i] from everything before it
    if len(inputs) > config["n_positions"]:
        sys.exit("%d tokens, but the model reads at most n_positions=%d" % (len(inputs), config["n_positions"]))
    with torch.no_grad():
        log_probs = torch.log_softmax(forward(config, weights, inputs), dim=-1)
    out.write("position\ttoken_id\ttoken\tlog_prob\tloss\n")
    total = 0.0
    for position, token in enumerate(ids):
        lp = log_probs[position, token].item()
        total -= lp
        out.write("%d\t%d\t%s\t%.6f\t%.6f\n" % (position, token, printable(texts.text(token)), lp, -lp))
    mean = total / len(ids)
    out.write("mean loss %.6f nats/token, perplexity %.4f over %d tokens\n" % (mean, math.exp(mean), len(ids)))


if __name__ == "__main__":
    main()

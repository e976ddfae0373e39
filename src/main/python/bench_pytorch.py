#!/usr/bin/python3
"""The benchmark's reference side: the lab's GPT trained in plain PyTorch from Python.

The model is built from the same formulas as the Java one: token + learned position embeddings, pre-LN
blocks (LayerNorm, causal self-attention with one q/k/v projection, residual; LayerNorm, MLP with exact
GELU, residual), a final LayerNorm and an output projection tied to the token embedding. A training step
is the Java trainer's: forward, cross-entropy, backward, gradient clipping at norm 1, AdamW (weight decay
on matrices only), clearing the gradients.

    bench_pytorch.py --threads 2 --cases '[{"name": "base-cpu/full", "vocab": 4096, "context": 128,
        "d": 192, "layers": 6, "heads": 6, "mlp_ratio": 4, "batch": 16, "method": "full",
        "lora_rank": 8, "warmup": 3, "steps": 8, "repeats": 3}]'

prints one JSON object on stdout: {"torch": version, "threads": n, "results": [{"name", "parameters",
"trainable", "ms_per_step": [one mean per run]}]}. Progress goes to stderr.
"""
import argparse
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class LoraLinear(nn.Module):
    """y = x·W + b + (alpha/r)·x·A·B with W frozen, as the Java LoRA layer computes it."""

    def __init__(self, base, rank, alpha):
        super().__init__()
        self.base = base
        self.a = nn.Parameter(torch.empty(base.in_features, rank).uniform_(-1, 1) / math.sqrt(base.in_features))
        self.b = nn.Parameter(torch.zeros(rank, base.out_features))
        self.scale = alpha / rank

    def forward(self, x):
        return self.base(x) + (x @ self.a @ self.b) * self.scale


class Attention(nn.Module):
    def __init__(self, d, heads, context):
        super().__init__()
        self.heads = heads
        self.c_attn = nn.Linear(d, 3 * d)
        self.c_proj = nn.Linear(d, d)
        visible = torch.tril(torch.ones(context, context, dtype=torch.bool))
        self.register_buffer("mask", torch.zeros(context, context).masked_fill(~visible, -1e9), persistent=False)

    def forward(self, x):
        b, t, d = x.shape
        hs = d // self.heads
        q, k, v = self.c_attn(x).split(d, dim=2)
        q = q.view(b, t, self.heads, hs).transpose(1, 2)
        k = k.view(b, t, self.heads, hs).transpose(1, 2)
        v = v.view(b, t, self.heads, hs).transpose(1, 2)
        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(hs)) + self.mask[:t, :t]
        y = scores.softmax(-1) @ v
        return self.c_proj(y.transpose(1, 2).reshape(b, t, d))


class Block(nn.Module):
    def __init__(self, d, heads, context, mlp_ratio):
        super().__init__()
        self.ln_1 = nn.LayerNorm(d, eps=1e-5)
        self.attn = Attention(d, heads, context)
        self.ln_2 = nn.LayerNorm(d, eps=1e-5)
        self.c_fc = nn.Linear(d, mlp_ratio * d)
        self.mlp_proj = nn.Linear(mlp_ratio * d, d)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x))))


class Gpt(nn.Module):
    def __init__(self, vocab, context, d, layers, heads, mlp_ratio):
        super().__init__()
        self.wte = nn.Embedding(vocab, d)
        self.wpe = nn.Embedding(context, d)
        self.h = nn.ModuleList(Block(d, heads, context, mlp_ratio) for _ in range(layers))
        self.ln_f = nn.LayerNorm(d, eps=1e-5)
        for p in self.parameters():
            if p.dim() >= 2:
                nn.init.normal_(p, std=0.02)

    def forward(self, ids):
        t = ids.shape[1]
        x = self.wte(ids) + self.wpe(torch.arange(t, device=ids.device))
        for block in self.h:
            x = block(x)
        return self.ln_f(x) @ self.wte.weight.t()   # output projection tied to the token embedding


def build(case):
    model = Gpt(case["vocab"], case["context"], case["d"], case["layers"], case["heads"], case["mlp_ratio"])
    if case["method"] == "lora":
        for p in model.parameters():
            p.requires_grad_(False)
        for block in model.h:
            block.attn.c_attn = LoraLinear(block.attn.c_attn, case["lora_rank"], 2.0 * case["lora_rank"])
    return model


def optimizer_for(model):
    trainable = [p for p in model.parameters() if p.requires_grad]
    matrices = [p for p in trainable if p.dim() >= 2]
    vectors = [p for p in trainable if p.dim() < 2]
    return torch.optim.AdamW([{"params": matrices, "weight_decay": 0.01}, {"params": vectors, "weight_decay": 0.0}],
                             lr=3e-4, betas=(0.9, 0.95), eps=1e-8)


def train_step(model, optimizer, ids, targets):
    logits = model(ids)
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))
    loss.backward()
    torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
    optimizer.step()
    optimizer.zero_grad(set_to_none=False)
    return loss.item()


def run_case(case):
    torch.manual_seed(1234)
    model = build(case)
    optimizer = optimizer_for(model)
    generator = torch.Generator().manual_seed(7)
    shape = (case["batch"], case["context"] + 1)
    means = []
    for _ in range(case["repeats"]):
        times = []
        for step in range(case["warmup"] + case["steps"]):
            window = torch.randint(case["vocab"], shape, generator=generator)
            start = time.perf_counter()
            train_step(model, optimizer, window[:, :-1], window[:, 1:])
            if step >= case["warmup"]:
                times.append((time.perf_counter() - start) * 1000)
        means.append(sum(times) / len(times))
        print(f"bench_pytorch: {case['name']}: {means[-1]:.1f} ms/step", file=sys.stderr)
    return {"name": case["name"], "parameters": sum(p.numel() for p in model.parameters()),
            "trainable": sum(p.numel() for p in model.parameters() if p.requires_grad), "ms_per_step": means}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", required=True, help="JSON list of cases (see above)")
    parser.add_argument("--threads", type=int, default=2, help="intra-op threads, as the Java side uses")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass   # already set
    results = [run_case(case) for case in json.loads(args.cases)]
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": results}))


if __name__ == "__main__":
    main()

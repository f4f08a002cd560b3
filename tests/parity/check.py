#!/usr/bin/env python3
"""Checks cnnexp's numbers against PyTorch's (tests/Cnnexp.Engine.Tests/Parity/PyTorchParityTests.cs).

Each CASE directory was written by that test and holds:
    MODEL.py            the model as `cnnexp export --format pytorch` writes it
    MODEL-seed0.pt      its initial weights (a state_dict, as cnnexp exports it)
    reference.pt        what cnnexp computed for one training step: `input` (N, C, H, W), `labels` (N),
                        `logits` (N, classes), `loss` (1), `grad.NAME` and `after.NAME` per parameter
    case.json           model name, layout, optimizer and loss settings, tolerance

For each case this script loads MODEL.py and the weights, takes the same step in PyTorch (forward,
cross-entropy, backward, one optimizer step) and compares:
    logits, loss, grad.NAME     PyTorch's forward and backward pass
    after.NAME                  the parameters after PyTorch's optimizer step applied to cnnexp's gradients
    step.NAME                   the parameters after PyTorch's step from its own gradients: within 2 lr
An element of the first two groups passes when
    |cnnexp - torch| <= rtol * (|torch| + max|torch|)
i.e. within rtol relative to itself, with a floor of rtol times the largest magnitude in the same
tensor (so values that are zero up to rounding do not need an impossible relative match).

Prints one JSON report on stdout; exit 0 when every case passes, 1 when one does not, 2 when torch is
missing or a case cannot be read.

    /usr/bin/python3 tests/parity/check.py CASE...
"""
import importlib.util
import json
import os
import sys
import traceback

try:
    import torch
except ImportError as e:  # the C# test prints this line
    sys.exit(f"error: PyTorch is not importable by {sys.executable} ({e}); on Debian: apt-get install python3-torch python3-numpy")
    raise


def compare(ours, theirs, rtol):
    """Max errors of cnnexp's tensor `ours` against PyTorch's `theirs`, and whether every element passes."""
    ours, theirs = ours.double(), theirs.double()
    if ours.shape != theirs.shape:
        return {"ok": False, "error": f"shape {list(ours.shape)} vs torch {list(theirs.shape)}"}
    diff = (ours - theirs).abs()
    scale = theirs.abs().max().item() if theirs.numel() else 0.0
    allowed = rtol * (theirs.abs() + scale)
    nonzero = theirs.abs() > 0
    rel = (diff[nonzero] / theirs.abs()[nonzero]).max().item() if nonzero.any() else 0.0
    worst = (diff / allowed.clamp_min(1e-30)).max().item() if diff.numel() else 0.0
    return {
        "ok": bool((diff <= allowed).all()),
        "max_abs": diff.max().item() if diff.numel() else 0.0,
        "max_rel": rel,                       # over elements that are not exactly zero
        "max_scaled": worst * rtol,           # max |d| / (|torch| + max|torch|): the criterion, to compare with rtol
        "scale": scale,
    }


def optimizer_for(spec, parameters):
    kind, lr, wd = spec["type"], spec["lr"], spec["weight_decay"]
    if kind == "adam":
        return torch.optim.Adam(parameters, lr=lr, weight_decay=wd)
    if kind == "adamw":
        return torch.optim.AdamW(parameters, lr=lr, weight_decay=wd)
    if kind == "sgd":
        return torch.optim.SGD(parameters, lr=lr, momentum=spec["momentum"], weight_decay=wd)
    raise ValueError(f"optimizer {kind} is not checked")


def load_model(case, name):
    spec = importlib.util.spec_from_file_location(f"cnnexp_{name}_{abs(hash(case))}", os.path.join(case, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.Model()
    model.load_state_dict(torch.load(os.path.join(case, name + "-seed0.pt")), strict=True)
    return model


def step(model, x, y, info, grads=None):
    """One training step as cnnexp's GradientStep takes it; with `grads`, those replace the computed gradients before the update."""
    logits = model(x)                                         # (N, classes)
    loss = torch.nn.functional.cross_entropy(logits, y, label_smoothing=info["label_smoothing"])
    optimizer = optimizer_for(info["optimizer"], model.parameters())
    optimizer.zero_grad()
    loss.backward()
    if info.get("grad_clip") is not None:
        torch.nn.utils.clip_grad_norm_(model.parameters(), info["grad_clip"])
    own = {n: p.grad.detach().clone() for n, p in model.named_parameters()}
    if grads is not None:
        for n, p in model.named_parameters():
            p.grad.copy_(grads[n])
    optimizer.step()
    return logits.detach(), loss.detach(), own


def check(case):
    with open(os.path.join(case, "case.json")) as f:
        info = json.load(f)
    name, rtol, lr = info["model"], info["rtol"], info["optimizer"]["lr"]
    reference = torch.load(os.path.join(case, "reference.pt"))
    x, y = reference["input"], reference["labels"]            # (N, C, H, W), (N)
    ours = {n[len("grad."):]: t for n, t in reference.items() if n.startswith("grad.")}

    # The optimiser's update is compared from cnnexp's own gradients: Adam's first step is
    # lr * g / (|g| + eps), so a gradient near eps (1e-8) turns float32 rounding of the gradient
    # into a change of up to lr in the parameter. From PyTorch's gradients ("step"), the parameters
    # are only held to that bound (docs/parity.md).
    model = load_model(case, name).train()
    logits, loss, grads = step(model, x, y, info, grads=ours)
    end_to_end = load_model(case, name).train()
    step(end_to_end, x, y, info)

    results = {"logits": compare(reference["logits"], logits, rtol),
               "loss": compare(reference["loss"].reshape(()), loss, rtol)}
    for n, p in model.named_parameters():
        results[f"grad.{n}"] = compare(reference[f"grad.{n}"], grads[n], rtol)
        results[f"after.{n}"] = compare(reference[f"after.{n}"], p.detach(), rtol)
    for n, p in end_to_end.named_parameters():
        r = compare(reference[f"after.{n}"], p.detach(), rtol)
        r["ok"] = r.get("max_abs", float("inf")) <= 2 * lr    # at most one step's worth, in the other direction
        results[f"step.{n}"] = r
    for k in sorted(k for k in reference if k.startswith(("grad.", "after.")) and k not in results):
        results[k] = {"ok": False, "error": "cnnexp has this parameter, model.py does not"}
    return {"case": os.path.basename(os.path.normpath(case)), "model": name, "layout": info["layout"], "rtol": rtol,
            "ok": all(r["ok"] for r in results.values()), "quantities": results}


def main(cases):
    if not cases:
        sys.exit(__doc__)
    torch.manual_seed(0)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    try:
        report = [check(c) for c in cases]
    except Exception as e:                                    # unreadable case, model.py that fails, strict load_state_dict mismatch
        traceback.print_exc()
        print(json.dumps({"error": f"{type(e).__name__}: {e}"}))
        return 2
    print(json.dumps({"torch": torch.__version__, "cases": report}, indent=1))
    return 0 if all(c["ok"] for c in report) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

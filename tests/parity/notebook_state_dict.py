"""Writes state_dicts of the seed notebook's two models with Debian's PyTorch, and their logits.

Usage: python3 notebook_state_dict.py OUT_DIR

OUT_DIR/standard.pt and OUT_DIR/sumfirst.pt hold `model.state_dict()` exactly as the notebook's
classes name their tensors (an nn.Sequential for the standard model: `0.weight`, `2.weight`, ...;
SumFirstCNN: `conv1.weight`, `fc1.weight`, ...). OUT_DIR/io.pt holds a fixed input batch `x`
(N, 3, 32, 32) in [0, 1] and each model's logits for it. cnnexp's `init: { file: ... }` loads the
weights (tests/Cnnexp.Engine.Tests/Training/InitTests.cs) and must give the same logits.
"""
import os
import sys

import torch
from torch import nn


class SumFirstCNN(nn.Module):
    """The notebook's model: R+G+B summed, then one convolution over the single channel."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(16 * 16 * 16, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):                                # (N, 3, 32, 32)
        x = x.sum(dim=1, keepdim=True)                   # (N, 1, 32, 32)
        x = torch.relu(self.conv1(x))                    # (N, 8, 32, 32)
        x = self.pool(torch.relu(self.conv2(x)))         # (N, 16, 16, 16)
        x = torch.flatten(x, 1)                          # (N, 4096)
        return self.fc2(torch.relu(self.fc1(x)))         # (N, 10)


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(7)
    standard = nn.Sequential(
        nn.Conv2d(3, 8, kernel_size=3, padding=1), nn.ReLU(),
        nn.Conv2d(8, 16, kernel_size=3, padding=1), nn.ReLU(),
        nn.MaxPool2d(2, 2), nn.Flatten(),
        nn.Linear(16 * 16 * 16, 64), nn.ReLU(), nn.Linear(64, 10))
    sumfirst = SumFirstCNN()
    x = torch.rand(16, 3, 32, 32)
    with torch.no_grad():
        io = {"x": x, "standard": standard(x), "sumfirst": sumfirst(x)}
    torch.save(standard.state_dict(), os.path.join(out, "standard.pt"))
    torch.save(sumfirst.state_dict(), os.path.join(out, "sumfirst.pt"))
    torch.save(io, os.path.join(out, "io.pt"))


if __name__ == "__main__":
    main(sys.argv[1])

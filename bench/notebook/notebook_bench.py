#!/usr/bin/env python3
"""The sum-first notebook's own PyTorch training code, timed, on images dumped by cnnexp's bench.

Reproduces the notebook exactly: a torchvision-style dataset whose items go through
transforms.ToTensor() one image at a time, DataLoader(batch_size=64, shuffle=True), Adam(lr=0.001),
CrossEntropyLoss, loss.item() every batch, a test-accuracy pass after training. The notebook tests once, after the last epoch; this script tests
after every epoch, as cnnexp does, so epoch times compare like with like, and reports the training
pass alone as train_seconds (the notebook's whole study is 25 training passes and one test pass per
model).

Usage: python3 notebook_bench.py DATA_DIR [--epochs 4] [--threads 2] [--model standard|sumfirst|both]
DATA_DIR holds train_images.u8 / train_labels.u8 / test_images.u8 / test_labels.u8 (N x 3 x 32 x 32, uint8),
written by `dotnet run -c Release --project bench/Cnnexp.Bench -- --dump DATA_DIR`.
"""
import argparse, json, os, resource, sys, time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms


class Images(Dataset):
    """Like torchvision.datasets.CIFAR10: HWC uint8 images, ToTensor applied per item."""

    def __init__(self, directory, split):
        x = np.fromfile(os.path.join(directory, f"{split}_images.u8"), dtype=np.uint8)
        self.labels = np.fromfile(os.path.join(directory, f"{split}_labels.u8"), dtype=np.uint8).astype(np.int64)
        self.images = x.reshape(len(self.labels), 3, 32, 32).transpose(0, 2, 3, 1).copy()   # (N, H, W, C)
        self.transform = transforms.ToTensor()

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return self.transform(self.images[i]), int(self.labels[i])


def standard():
    return nn.Sequential(
        nn.Conv2d(3, 8, kernel_size=3, stride=1, padding=1), nn.ReLU(),
        nn.Conv2d(8, 16, kernel_size=3, stride=1, padding=1), nn.ReLU(),
        nn.MaxPool2d(kernel_size=2, stride=2), nn.Flatten(),
        nn.Linear(16 * 16 * 16, 64), nn.ReLU(), nn.Linear(64, 10))


class SumFirstCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(16 * 16 * 16, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):
        x = x.sum(dim=1, keepdim=True)
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = self.pool(x)
        x = x.flatten(1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


def train(model, train_loader, test_loader, epochs):
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    criterion = nn.CrossEntropyLoss()
    times, train_times, losses, acc = [], [], [], 0.0
    for epoch in range(epochs):
        start = time.perf_counter()
        epoch_loss = 0
        for data, targets in train_loader:
            optimizer.zero_grad()
            loss = criterion(model(data), targets)
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
        losses.append(epoch_loss / len(train_loader))
        train_times.append(time.perf_counter() - start)
        correct = 0
        with torch.no_grad():
            for data, targets in test_loader:
                correct += (model(data).argmax(dim=1) == targets).sum().item()
        acc = correct / len(test_loader.dataset)
        times.append(time.perf_counter() - start)
        print(f"epoch {epoch + 1}: {times[-1]:.2f} s, loss {losses[-1]:.4f}, test acc {acc:.4f}", file=sys.stderr, flush=True)
    return times, train_times, losses, acc


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--model", default="standard", choices=["standard", "sumfirst", "both"])
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    train_data, test_data = Images(a.data, "train"), Images(a.data, "test")
    train_loader = DataLoader(train_data, batch_size=64, shuffle=True)
    test_loader = DataLoader(test_data, batch_size=64, shuffle=False)
    wall = time.perf_counter()
    result = {"torch": torch.__version__, "threads": a.threads, "train_images": len(train_data), "models": {}}
    for name in (["standard", "sumfirst"] if a.model == "both" else [a.model]):
        model = standard() if name == "standard" else SumFirstCNN()
        times, train_times, losses, acc = train(model, train_loader, test_loader, a.epochs)
        result["models"][name] = {"epoch_seconds": times, "train_seconds": train_times, "losses": losses, "test_accuracy": acc}
    result["total_seconds"] = time.perf_counter() - wall
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

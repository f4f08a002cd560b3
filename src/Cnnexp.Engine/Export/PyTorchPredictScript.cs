namespace Cnnexp.Engine.Export;

/// <summary>
/// The end of an exported MODEL.py: <c>load(weights)</c> and, run as a script, image classification that
/// matches `cnnexp predict` (same decoding of 8-bit PNGs, same conversion to the model's input, same
/// table, CSV and JSON output; docs/predict.md). Only <c>torch</c> and the standard library are needed:
/// PNGs are decoded here, since Debian's python3-torch does not bring PIL. JPEGs need PIL.
/// Keep the formats in step with <c>Cnnexp.Cli.Output.PredictionText</c>; a CLI test compares the two.
/// </summary>
static class PyTorchPredictScript
{
    public const string Text = """"


        def load(weights, map_location="cpu"):
            """The model with the weights of a state_dict file cnnexp exported, in eval mode."""
            model = Model()
            model.load_state_dict(torch.load(weights, map_location=map_location), strict=True)
            return model.eval()


        # Classifying image files as `cnnexp predict` does: `python3 THIS.py [--format json] IMAGE...`

        BATCH = 64
        EXTENSIONS = (".png", ".jpg", ".jpeg")


        def _unfilter(kind, line, prev, bpp):
            """Undoes one PNG scanline filter (0 none, 1 sub, 2 up, 3 average, 4 Paeth) in place."""
            for i in range(len(line)):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                if kind == 1:
                    line[i] = (line[i] + a) & 255
                elif kind == 2:
                    line[i] = (line[i] + b) & 255
                elif kind == 3:
                    line[i] = (line[i] + ((a + b) >> 1)) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                elif kind != 0:
                    raise ValueError(f"unknown PNG filter {kind}: the file is corrupt")


        def read_png(path):
            """(H, W, 3) uint8 RGB of an 8-bit, non-interlaced PNG (grey, RGB, palette, with or without alpha; alpha is dropped, as cnnexp does)."""
            import struct
            import zlib

            with open(path, "rb") as f:
                data = f.read()
            if data[:8] != b"\x89PNG\r\n\x1a\n":
                raise ValueError("it is not a PNG image" + ("" if HAVE_PIL else " (JPEG needs PIL: apt-get install python3-pil)"))
            pos, chunks, idat = 8, {}, []
            while pos + 8 <= len(data):
                length, kind = struct.unpack(">I4s", data[pos:pos + 8])
                if pos + 12 + length > len(data):
                    raise ValueError("the file is truncated")
                if kind == b"IDAT":
                    idat.append(data[pos + 8:pos + 8 + length])
                elif kind == b"IEND":
                    break
                else:
                    chunks.setdefault(kind, data[pos + 8:pos + 8 + length])
                pos += 12 + length
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
            channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour)
            if depth != 8 or interlace or channels is None:
                raise ValueError(f"it is a {depth}-bit PNG of colour type {colour}{', interlaced' if interlace else ''}; "
                                 "this script reads 8-bit, non-interlaced PNGs only (cnnexp predict reads them all)")
            raw, stride = zlib.decompress(b"".join(idat)), width * channels
            if len(raw) < height * (stride + 1):
                raise ValueError("the file is truncated")
            out, prev = bytearray(), bytearray(stride)
            for y in range(height):
                start = y * (stride + 1)
                line = bytearray(raw[start + 1:start + 1 + stride])
                _unfilter(raw[start], line, prev, channels)
                out += line
                prev = line
            pixels = torch.frombuffer(out, dtype=torch.uint8).view(height, width, channels)     # (H, W, channels)
            if colour == 3:
                palette = torch.frombuffer(bytearray(chunks[b"PLTE"]), dtype=torch.uint8).view(-1, 3)
                return palette[pixels[..., 0].long()]                                       # (H, W, 3)
            if channels <= 2:
                return pixels[..., :1].expand(height, width, 3)                            # grey: R = G = B
            return pixels[..., :3]


        def read_image(path):
            """(H, W, 3) uint8 RGB: PNGs decoded here, anything else by PIL when it is installed."""
            if not HAVE_PIL or open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n":
                return read_png(path)
            import numpy
            from PIL import Image

            with Image.open(path) as image:
                return torch.from_numpy(numpy.array(image.convert("RGB")))


        def to_pixels(rgb, name, notes):
            """(H, W, 3) RGB -> (C, H, W) uint8 at the data set's size: resized, and luma (ITU-R BT.601) for one channel, as cnnexp's data sets."""
            c, h, w = DATA_SHAPE
            x = rgb.permute(2, 0, 1).contiguous()                                          # (3, h, w)
            if x.shape[1:] != (h, w):
                notes.append(f"{name} is {x.shape[2]}x{x.shape[1]}; resized to {w}x{h} as the data set's images "
                             "(here with PyTorch's bilinear filter; cnnexp's filter differs slightly)")
                x = torch.nn.functional.interpolate(x[None].float(), size=(h, w), mode="bilinear", align_corners=False,
                                                    antialias=True)[0].round().clamp(0, 255).to(torch.uint8)
            if c == 1:
                x = x.int()
                x = ((x[0] * 299 + x[1] * 587 + x[2] * 114 + 500) // 1000).to(torch.uint8)[None]   # (1, h, w)
            return x


        def to_input(pixels):
            """uint8 (N, C, H, W) -> float32 (N, C, H, W): in [0, 1], or normalised with the data set's `normalize` (one scale and shift per channel, as cnnexp)."""
            x = pixels.float()
            if DATA_NORMALIZE is None:
                return x.div_(255.0)
            mean, std = DATA_NORMALIZE
            scale = torch.tensor([1 / (255 * s) for s in std], dtype=torch.float32).view(1, -1, 1, 1)
            shift = torch.tensor([-m / s for m, s in zip(mean, std)], dtype=torch.float32).view(1, -1, 1, 1)
            return x.mul_(scale).add_(shift)


        def expand(inputs):
            """Files as given; a folder's .png/.jpg/.jpeg files in every subfolder, in path order (as cnnexp predict lists them)."""
            import os

            files, errors = [], []
            for item in inputs:
                if not os.path.isdir(item):
                    files.append(item)
                    continue
                found = sorted(os.path.join(root, f) for root, _, names in os.walk(item) for f in names
                               if not f.startswith(".") and os.path.splitext(f)[1].lower() in EXTENSIONS)
                if not found:
                    errors.append(f"`{item}` is a folder that holds no .png, .jpg or .jpeg image")
                files += found
            return files, errors


        def classify(model, files, top):
            """Per readable file: (name, width, height, logits, probabilities, top indices); and one error line per other file."""
            import os

            images, errors, notes = [], [], []
            for path in files:
                try:
                    if not os.path.isfile(path):
                        raise FileNotFoundError
                    rgb = read_image(path)
                    images.append((path, rgb.shape[1], rgb.shape[0], to_pixels(rgb, path, notes)))
                except FileNotFoundError:
                    errors.append(f"`{path}` does not exist")
                except Exception as e:
                    errors.append(f"`{path}` cannot be decoded: {e}")
            results = []
            with torch.no_grad():
                for start in range(0, len(images), BATCH):
                    batch = images[start:start + BATCH]
                    logits = model(to_input(torch.stack([b[3] for b in batch])))           # (N, classes)
                    probabilities = torch.softmax(logits, 1)                             # (N, classes)
                    for (name, w, h, _), l, p in zip(batch, logits.tolist(), probabilities.tolist()):
                        order = sorted(range(len(p)), key=lambda i: (-p[i], i))[:top]
                        results.append((name, w, h, l, p, order))
            return results, errors, notes


        def format_table(results):
            rows = [[name, str(r + 1), CLASSES[i], f"{p[i]:.6f}"] for name, _, _, _, p, order in results for r, i in enumerate(order)]
            if not rows:
                return ""
            header = ["image", "rank", "class", "probability"]
            widths = [max(len(row[c]) for row in rows + [header]) for c in range(4)]
            return "".join(f"{r[0].ljust(widths[0])}  {r[1].rjust(widths[1])}  {r[2].ljust(widths[2])}  {r[3].rjust(widths[3])}\n"
                           for r in [header] + rows)


        def _csv(s):
            return s if not any(ch in s for ch in ',"\n\r') else '"' + s.replace('"', '""') + '"'


        def format_csv(results):
            return "image,rank,class,index,probability,logit\n" + "".join(
                f"{_csv(name)},{r + 1},{_csv(CLASSES[i])},{i},{p[i]:.6f},{l[i]:.6f}\n"
                for name, _, _, l, p, order in results for r, i in enumerate(order))


        def format_json(results):
            import json

            images = [{"image": name, "width": w, "height": h, "resized": (DATA_SHAPE[1], DATA_SHAPE[2]) != (h, w),
                       "top": [{"rank": r + 1, "index": i, "class": CLASSES[i], "probability": p[i], "logit": l[i]} for r, i in enumerate(order)],
                       "logits": l, "probabilities": p}
                      for name, w, h, l, p, order in results]
            return json.dumps({"model": MODEL, "classes": CLASSES, "images": images}, indent=2, ensure_ascii=False) + "\n"


        def main(argv):
            import argparse
            import glob
            import os
            import sys

            here = os.path.dirname(os.path.abspath(__file__))
            parser = argparse.ArgumentParser(description=f"Classify PNG images (or folders of them) with the model `{MODEL}`, "
                                                         "as `cnnexp predict` does.")
            parser.add_argument("images", nargs="*", metavar="IMAGE_OR_FOLDER")
            parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
            parser.add_argument("--top", type=int, default=5, help="classes to show per image (default 5)")
            parser.add_argument("--weights", help=f"a state_dict cnnexp exported; default: the only {MODEL}-seed*.pt beside this file")
            args = parser.parse_args(argv)
            weights = [a for a in args.images if a.endswith(".pt")] + ([args.weights] if args.weights else [])
            images = [a for a in args.images if not a.endswith(".pt")]
            if not weights:
                weights = sorted(glob.glob(os.path.join(glob.escape(here), f"{MODEL}-seed*.pt")))
                if len(weights) != 1:
                    parser.error(f"{len(weights)} files {MODEL}-seed*.pt beside {__file__}: name one with --weights")
            if args.top < 1:
                parser.error(f"--top must be at least 1, not {args.top}")
            model = load(weights[0])
            if not images:                                     # `python3 MODEL.py WEIGHTS.pt`, as before: print the model
                print(model)
                return 0
            files, errors = expand(images)
            results, bad, notes = classify(model, files, args.top)
            for note in notes:
                print("note: " + note, file=sys.stderr)
            sys.stdout.write({"table": format_table, "csv": format_csv, "json": format_json}[args.format](results))
            for line in errors + bad:
                print("error: " + line, file=sys.stderr)
            return 2 if errors or bad else 0


        try:
            import PIL.Image  # noqa: F401  (optional: JPEG and other formats)

            HAVE_PIL = True
        except ImportError:
            HAVE_PIL = False


        if __name__ == "__main__":
            import sys

            sys.exit(main(sys.argv[1:]))

        """";
}

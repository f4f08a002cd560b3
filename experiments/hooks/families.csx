// Custom metrics for the built-in synthetic data set, whose 10 classes are 5 shapes x 2 colour
// families (classes 0-4 warm, 5-9 cool, class % 5 = shape). Splitting accuracy in two shows *what*
// a model lost: the shape, or the colour.
//   family: the predicted class has the right colour family (chance: 50%)
//   shape:  the predicted class has the right shape, whatever its colour (chance: 20%)

Metric("family", (logits, labels) => Agreement(logits.argmax(1).div(5, rounding_mode: RoundingMode.floor), labels.div(5, rounding_mode: RoundingMode.floor)));
Metric("shape", (logits, labels) => Agreement(logits.argmax(1).remainder(5), labels.remainder(5)));

// The fraction of positions where two (N) tensors agree.
static double Agreement(Tensor predicted, Tensor actual) => predicted.eq(actual).to_type(ScalarType.Float32).mean().item<float>();

/**
 * TensorBoard event files: the TFRecord framing ({@code TfRecord}), the {@code Event} protobuf
 * ({@code EventProto}), one append-only file ({@code EventFile}), a directory of runs
 * ({@code Runs}) and learning curves given as CSV rows ({@code CsvBoard}). The colony and the
 * {@code lab} trainers write through it; {@code tensorboard --logdir} and
 * {@code wandb sync --sync-tensorboard} read the files.
 *
 * <p>Depends on the JDK and protobuf-java's {@code CodedOutputStream} only.
 */
package io.vivarium.core.tb;

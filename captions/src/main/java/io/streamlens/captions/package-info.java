/**
 * What the job makes of what the models found: caption windows, tracks, question memory. No model
 * runs in this module; {@code inference-operator} implements its captioner and answerer interfaces.
 */
package io.streamlens.captions;

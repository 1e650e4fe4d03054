/**
 * Objects in view in plain English: COCO nouns ({@link io.streamlens.captions.objects.CocoNouns}),
 * counts ({@link io.streamlens.captions.objects.Counts}), motion words and the caption sentences
 * made from a window's tracks ({@link io.streamlens.captions.objects.ObjectSentences}).
 */
package io.streamlens.captions.objects;

/**
 * Picking frames: {@link org.maptem.udf.pick.PickFrameUdf} copies the diffraction patterns at chosen scan positions.
 */
package org.maptem.udf.pick;

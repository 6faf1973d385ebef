/**
 * The child: resident ID (居民身份证号码), sex and household registration (户籍). Value types, valid on
 * construction, with masked string forms; {@link org.enrollment.core.child.MaskedText} masks the string form of
 * any record that carries resident IDs.
 */
package org.enrollment.core.child;

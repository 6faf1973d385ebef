/**
 * The child: resident ID (居民身份证号码), sex and household registration (户籍). Value types, valid on
 * construction, with masked string forms.
 */
package org.enrollment.core.child;

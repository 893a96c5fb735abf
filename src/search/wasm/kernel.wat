;; Dot-product kernels for faq-edge, in WebAssembly SIMD, and the BM25
;; posting loop. The caller lays out in linear memory: the matrix (row-major),
;; the query, and room for one score per row. All pointers are byte offsets.
(module
  ;; The caller provides the memory: in the Worker it already holds the index
  ;; blob as loaded from KV, so the vectors are searched where they lie.
  (import "env" "memory" (memory 1))

  ;; scores[row] = dot(matrix[row], query) for float32 rows of `dim` values.
  ;; Four f32x4 accumulators (16 floats per step) hide the add latency; a
  ;; 4-wide loop and a scalar loop finish dimensions that are not multiples of 16.
  (func (export "dotF32")
    (param $matrix i32) (param $query i32) (param $dim i32) (param $count i32) (param $out i32)
    (local $row i32) (local $p i32) (local $q i32) (local $end16 i32) (local $end4 i32) (local $end i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $sum f32)
    (local.set $p (local.get $matrix))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $row) (local.get $count)))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0))
        (local.set $a3 (v128.const i32x4 0 0 0 0))
        (local.set $q (local.get $query))
        (local.set $end (i32.add (local.get $p) (i32.shl (local.get $dim) (i32.const 2))))
        (local.set $end16 (i32.add (local.get $p) (i32.shl (i32.and (local.get $dim) (i32.const -16)) (i32.const 2))))
        (local.set $end4 (i32.add (local.get $p) (i32.shl (i32.and (local.get $dim) (i32.const -4)) (i32.const 2))))
        (block $done16
          (loop $step16
            (br_if $done16 (i32.ge_u (local.get $p) (local.get $end16)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (local.get $p)) (v128.load (local.get $q)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load offset=16 (local.get $p)) (v128.load offset=16 (local.get $q)))))
            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (v128.load offset=32 (local.get $p)) (v128.load offset=32 (local.get $q)))))
            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (v128.load offset=48 (local.get $p)) (v128.load offset=48 (local.get $q)))))
            (local.set $p (i32.add (local.get $p) (i32.const 64)))
            (local.set $q (i32.add (local.get $q) (i32.const 64)))
            (br $step16)))
        (block $done4
          (loop $step4
            (br_if $done4 (i32.ge_u (local.get $p) (local.get $end4)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (local.get $p)) (v128.load (local.get $q)))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $step4)))
        (local.set $a0 (f32x4.add (f32x4.add (local.get $a0) (local.get $a1)) (f32x4.add (local.get $a2) (local.get $a3))))
        (local.set $sum
          (f32.add
            (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0)))
            (f32.add (f32x4.extract_lane 2 (local.get $a0)) (f32x4.extract_lane 3 (local.get $a0)))))
        (block $done1
          (loop $step1
            (br_if $done1 (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $sum (f32.add (local.get $sum) (f32.mul (f32.load (local.get $p)) (f32.load (local.get $q)))))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (local.set $q (i32.add (local.get $q) (i32.const 4)))
            (br $step1)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $row) (i32.const 2))) (local.get $sum))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rows))))

  ;; scores[row] = dot(row, query) for `blocks` blocks of four float32 rows laid
  ;; out as search/f32-matrix.ts says: each block holds its rows' values 0-3,
  ;; then 4-7, and so on; `dim` is a multiple of 4. Each four query values are
  ;; loaded once for four rows, and the matrix is read front to back.
  (func (export "dotF32Blocks")
    (param $matrix i32) (param $query i32) (param $dim i32) (param $blocks i32) (param $out i32)
    (local $block i32) (local $p i32) (local $q i32) (local $query_end i32) (local $qv v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $p (local.get $matrix))
    (local.set $query_end (i32.add (local.get $query) (i32.shl (local.get $dim) (i32.const 2))))
    (block $blocks_done
      (loop $blocks
        (br_if $blocks_done (i32.ge_u (local.get $block) (local.get $blocks)))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0))
        (local.set $a3 (v128.const i32x4 0 0 0 0))
        (local.set $q (local.get $query))
        (block $done
          (loop $step
            (br_if $done (i32.ge_u (local.get $q) (local.get $query_end)))
            (local.set $qv (v128.load (local.get $q)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (local.get $p)) (local.get $qv))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load offset=16 (local.get $p)) (local.get $qv))))
            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (v128.load offset=32 (local.get $p)) (local.get $qv))))
            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (v128.load offset=48 (local.get $p)) (local.get $qv))))
            (local.set $p (i32.add (local.get $p) (i32.const 64)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $step)))
        (f32.store offset=0 (local.get $out) (call $lanes_sum (local.get $a0)))
        (f32.store offset=4 (local.get $out) (call $lanes_sum (local.get $a1)))
        (f32.store offset=8 (local.get $out) (call $lanes_sum (local.get $a2)))
        (f32.store offset=12 (local.get $out) (call $lanes_sum (local.get $a3)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (local.set $block (i32.add (local.get $block) (i32.const 1)))
        (br $blocks))))

  ;; scores[docs[p]] += weights[p] * factor for p in [from, to): one word's
  ;; BM25 postings (u32 document, f32 weight) added into a float32 score per
  ;; document. The sum is taken in f64 and rounded to f32, as the JS loop it
  ;; replaces does, so both give the same bits. Documents were checked against
  ;; the row count when the blob was decoded.
  (func (export "addPostings")
    (param $docs i32) (param $weights i32) (param $from i32) (param $to i32) (param $factor f64) (param $scores i32)
    (local $p i32) (local $at i32)
    (local.set $p (local.get $from))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $to)))
        (local.set $at (i32.add (local.get $scores)
          (i32.shl (i32.load (i32.add (local.get $docs) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
        (f32.store (local.get $at)
          (f32.demote_f64 (f64.add
            (f64.promote_f32 (f32.load (local.get $at)))
            (f64.mul (f64.promote_f32 (f32.load (i32.add (local.get $weights) (i32.shl (local.get $p) (i32.const 2)))))
              (local.get $factor)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next))))

  (func $lanes_sum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  ;; scores[row] = dot(matrix[row], query) as int32, for int8 rows of `stride`
  ;; bytes (a multiple of 16, zero-padded). Bytes are widened to int16 and
  ;; multiplied pairwise into int32 lanes; two accumulators per 16 bytes.
  (func (export "dotI8")
    (param $matrix i32) (param $query i32) (param $stride i32) (param $count i32) (param $out i32)
    (local $row i32) (local $p i32) (local $q i32) (local $end i32)
    (local $a0 v128) (local $a1 v128) (local $m v128) (local $v v128)
    (local.set $p (local.get $matrix))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $row) (local.get $count)))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $q (local.get $query))
        (local.set $end (i32.add (local.get $p) (local.get $stride)))
        (block $done
          (loop $step
            (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $m (v128.load (local.get $p)))
            (local.set $v (v128.load (local.get $q)))
            (local.set $a0 (i32x4.add (local.get $a0)
              (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $m)) (i16x8.extend_low_i8x16_s (local.get $v)))))
            (local.set $a1 (i32x4.add (local.get $a1)
              (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $m)) (i16x8.extend_high_i8x16_s (local.get $v)))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $step)))
        (local.set $a0 (i32x4.add (local.get $a0) (local.get $a1)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $row) (i32.const 2)))
          (i32.add
            (i32.add (i32x4.extract_lane 0 (local.get $a0)) (i32x4.extract_lane 1 (local.get $a0)))
            (i32.add (i32x4.extract_lane 2 (local.get $a0)) (i32x4.extract_lane 3 (local.get $a0)))))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rows))))
)

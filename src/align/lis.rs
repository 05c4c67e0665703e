//! Longest strictly increasing subsequence, O(n log n) (patience sorting with back links).

/// For a sequence of keys, which elements belong to one longest strictly increasing subsequence.
///
/// Among equally long subsequences the one ending with the smallest keys is kept, which favours
/// keeping early elements in place when a paragraph was moved towards the end.
pub(crate) fn lis_mask(keys: &[usize]) -> Vec<bool> {
    // tails[l] = index (into keys) of the smallest tail of an increasing run of length l + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        let pos = tails.partition_point(|&t| keys.get(t).is_some_and(|&kt| kt < k));
        if let Some(b) = back.get_mut(i) {
            *b = pos.checked_sub(1).and_then(|p| tails.get(p).copied());
        }
        if pos == tails.len() {
            tails.push(i);
        } else if let Some(slot) = tails.get_mut(pos) {
            *slot = i;
        }
    }
    let mut mask = vec![false; keys.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        if let Some(m) = mask.get_mut(i) {
            *m = true;
        }
        cur = back.get(i).copied().flatten();
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::lis_mask;

    #[test]
    fn picks_longest_increasing_run() {
        assert_eq!(lis_mask(&[]), Vec::<bool>::new());
        assert_eq!(lis_mask(&[0, 1, 2]), vec![true, true, true]);
        // Element 5 moved to the front: everything else stays in order.
        assert_eq!(
            lis_mask(&[5, 0, 1, 2, 3, 4]),
            vec![false, true, true, true, true, true]
        );
        assert_eq!(
            lis_mask(&[0, 1, 4, 2, 3]),
            vec![true, true, false, true, true]
        );
        assert_eq!(lis_mask(&[3, 2, 1]).iter().filter(|b| **b).count(), 1);
    }
}

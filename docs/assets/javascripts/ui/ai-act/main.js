/* placeholder: the tool comes next */

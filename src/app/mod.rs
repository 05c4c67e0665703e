//! The eframe desktop application: the only module that imports egui, eframe and rfd.
